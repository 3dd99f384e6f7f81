package dev.burnrate.engine.policy;

import java.util.Map;
import java.util.Objects;

/**
 * What one rule found wrong with one request or resource, before the policy's mode is applied.
 *
 * @param action           what the rule asks for
 * @param code             a short, stable name of the problem (e.g. {@code jurisdiction-not-allowed}); continuous
 *                         evaluation uses it to recognise a violation it has already raised
 * @param message          a sentence for the user saying what is wrong and what would be allowed
 * @param evidence         the facts the rule judged
 * @param financeApproval  true when an approval must include finance (budget rules)
 */
public record Finding(RuleAction action, String code, String message, Map<String, Object> evidence,
                      boolean financeApproval) {

    public Finding {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : evidence;
    }

    public static Finding of(RuleAction action, String code, String message, Evidence evidence) {
        return new Finding(action, code, message, evidence.build(), false);
    }
}
