package dev.burnrate.engine.policy.continuous;

import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.PolicyRef;

import java.util.Map;
import java.util.Objects;

/**
 * Something continuous evaluation found that someone should hear about.
 *
 * @param key      identifies the problem across scans, so it is raised once: the same violation of the same
 *                 resource, or the same threshold of the same budget in the same period (a policy edit does not
 *                 re-raise it)
 * @param kind     a rule violation by a running resource, a budget threshold crossed, or a cost anomaly
 * @param severity WARN, REQUIRE_APPROVAL or DENY as the rule's action (WARN for audit-mode policies)
 * @param team     the team to notify (the resource's, or the team budget's); {@code null} for organisation-wide
 * @param resource the resource id, or the budget account id
 */
public record Alert(String key, Kind kind, Outcome severity, PolicyRef policy, String ruleId, String team,
                    String project, String resource, String message, Map<String, Object> evidence) {

    public enum Kind {
        VIOLATION,
        BUDGET_THRESHOLD,
        /** A cost anomaly found by anomaly detection; it stays open until people give it a status. */
        ANOMALY
    }

    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : evidence;
    }
}
