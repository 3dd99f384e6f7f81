package dev.burnrate.engine.policy;

import java.util.Map;
import java.util.Objects;

/**
 * A rule of a policy that a request or resource breaks.
 *
 * @param policy          the policy and version
 * @param policyName      the policy's readable name
 * @param ruleId          the rule's id within the policy
 * @param ruleType        the rule's type, e.g. {@code data_residency}
 * @param code            the stable problem code (see {@link Finding#code()})
 * @param resource        the request or resource judged
 * @param outcome         what this violation does to the decision ({@link Outcome#WARN} in audit mode)
 * @param intendedOutcome what the rule asks for, which an audit-mode policy reports but does not enforce
 * @param mode            the policy's mode
 * @param message         what is wrong, for the user
 * @param evidence        the facts judged, e.g. the region's jurisdiction or the budget figures
 * @param financeApproval true when an approval must include finance
 */
public record Violation(PolicyRef policy, String policyName, String ruleId, String ruleType, String code,
                        String resource, Outcome outcome, Outcome intendedOutcome, PolicyMode mode, String message,
                        Map<String, Object> evidence, boolean financeApproval) {

    public Violation {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : evidence;
    }

    /** Applies a policy's mode to what one of its rules found. */
    public static Violation of(Policy policy, Rule rule, String resource, Finding finding) {
        Outcome intended = finding.action().outcome();
        Outcome effective = policy.mode() == PolicyMode.AUDIT ? Outcome.WARN : intended;
        return new Violation(policy.ref(), policy.name(), rule.id(), rule.type(), finding.code(), resource,
                effective, intended, policy.mode(), finding.message(), finding.evidence(),
                finding.financeApproval());
    }
}
