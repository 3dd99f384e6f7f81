package dev.burnrate.portal.provisioning;

/** Where a provisioning request is in its life. */
public enum RequestState {
    /** A policy refused it; final. */
    DENIED,
    /** Waiting for an approver (and finance, when a budget asked). */
    PENDING_APPROVAL,
    /** Allowed or approved; about to be handed to the provider. */
    APPROVED,
    /** An approver said no; final. */
    REJECTED,
    /** Handed to the provider, no answer recorded yet; the call is claimed by one portal process (a lease). */
    PROVISIONING,
    /**
     * The provider call ended without a definite answer (it timed out or failed unexpectedly), so the provider may
     * or may not have created the resource; the budget stays reserved until its status says which.
     */
    UNKNOWN,
    /** The provider created it; see the resource. Final. */
    PROVISIONED,
    /** The provider refused or failed; nothing was created. Final. */
    FAILED,
    /** Withdrawn by its requester (or an administrator) while it waited for approval; nothing was created. Final. */
    CANCELLED;

    public boolean isFinal() {
        return this == DENIED || this == REJECTED || this == PROVISIONED || this == FAILED || this == CANCELLED;
    }
}
