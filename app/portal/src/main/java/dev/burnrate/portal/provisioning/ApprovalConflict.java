package dev.burnrate.portal.provisioning;

/** An approval that cannot be given: decided already, not the user's to give, or the request moved on. */
public class ApprovalConflict extends RuntimeException {
    public ApprovalConflict(String message) {
        super(message);
    }
}
