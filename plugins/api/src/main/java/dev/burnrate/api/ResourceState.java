package dev.burnrate.api;

/** The life of a provisioned resource. */
public enum ResourceState {
    REQUESTED,
    PROVISIONING,
    RUNNING,
    STOPPED,
    DELETED,
    FAILED;

    /** True when the resource accrues compute cost in this state. */
    public boolean isBilled() {
        return this == PROVISIONING || this == RUNNING;
    }
}
