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
    /** Handed to the provider, no answer recorded yet. */
    PROVISIONING,
    /** The provider created it; see the resource. Final. */
    PROVISIONED,
    /** The provider refused or failed; nothing was created. Final. */
    FAILED;

    public boolean isFinal() {
        return this == DENIED || this == REJECTED || this == PROVISIONED || this == FAILED;
    }
}
