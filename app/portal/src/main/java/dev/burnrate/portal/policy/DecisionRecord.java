package dev.burnrate.portal.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decision as the log keeps it.
 *
 * @param violations each violation as a map (policy, version, rule, code, outcome, message, evidence)
 */
public record DecisionRecord(long id, Instant decidedAt, DecisionKind kind, String subject, String team,
                             String actor, String outcome, String policies, String approverRoles,
                             List<Map<String, Object>> violations, String inputJson) {

    /** The violations' messages, one per line, for a grid cell. */
    public String reasons() {
        return String.join("\n", violations.stream().map(v -> String.valueOf(v.get("message"))).toList());
    }
}
