package dev.burnrate.engine.policy;

import java.util.List;

/**
 * Runs a rule so that a bug in it fails closed: a rule that throws denies (in enforce mode) instead of letting a
 * request through unchecked, and the finding says which rule broke.
 */
final class RuleGuard {

    private RuleGuard() {
    }

    static List<Finding> check(Rule rule, PolicyInput input, EvaluationContext context) {
        try {
            return rule.check(input, context);
        } catch (RuntimeException e) {
            return List.of(Finding.of(RuleAction.DENY, "rule-error",
                    "The rule could not be evaluated (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); the request is refused until the policy is fixed.",
                    Evidence.builder().put("error", e.getClass().getName())));
        }
    }
}
