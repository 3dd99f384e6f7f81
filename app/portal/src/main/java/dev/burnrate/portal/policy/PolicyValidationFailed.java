package dev.burnrate.portal.policy;

import dev.burnrate.engine.policy.schema.PolicyError;
import java.util.List;

/** A save was refused; nothing was stored. The errors carry line and column for the editor. */
public class PolicyValidationFailed extends RuntimeException {
    private final List<PolicyError> errors;

    public PolicyValidationFailed(List<PolicyError> errors) {
        super(errors.isEmpty() ? "invalid policy" : errors.getFirst().toString());
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
