package dev.burnrate.engine.policy.schema;

/** A rule's configuration passed the schema but makes no sense (e.g. a regular expression that does not compile). */
public class RuleConfigException extends Exception {
    private final PolicyError error;

    public RuleConfigException(PolicyError error) {
        super(error.toString());
        this.error = error;
    }

    public PolicyError error() {
        return error;
    }
}
