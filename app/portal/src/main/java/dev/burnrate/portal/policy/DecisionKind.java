package dev.burnrate.portal.policy;

/** Why a decision was made: a real provisioning request, a dry run in the policy editor, or an inventory check. */
public enum DecisionKind {
    REQUEST,
    DRY_RUN,
    INVENTORY
}
