package dev.burnrate.engine.policy.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A policy was refused as a whole; {@link #errors()} says every reason found, in document order. */
public class PolicyValidationException extends Exception {
    private final List<PolicyError> errors;

    public PolicyValidationException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
