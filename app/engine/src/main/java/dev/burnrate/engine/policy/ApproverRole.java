package dev.burnrate.engine.policy;

/** Who must approve a request whose decision is {@link Outcome#REQUIRE_APPROVAL}. */
public enum ApproverRole {
    /** Any approver; needed for every approval. */
    APPROVER,
    /** Finance; needed in addition when a budget rule asked for the approval. */
    FINANCE
}
