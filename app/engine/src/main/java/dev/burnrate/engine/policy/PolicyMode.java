package dev.burnrate.engine.policy;

/** Whether a policy's violations take effect or are only reported. */
public enum PolicyMode {
    /** Violations count with the outcome their rule asks for. */
    ENFORCE,
    /** Violations are reported as warnings only: a way to try a policy out before enforcing it. */
    AUDIT;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
