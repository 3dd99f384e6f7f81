package dev.burnrate.engine.policy;

/** What a policy decision means for a request, ordered from least to most severe: the most severe one wins. */
public enum Outcome {
    ALLOW,
    WARN,
    REQUIRE_APPROVAL,
    DENY;

    public static Outcome mostSevere(Outcome a, Outcome b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** True when a request with this outcome may go ahead without anyone's approval. */
    public boolean permitsProvisioning() {
        return this == ALLOW || this == WARN;
    }
}
