package dev.burnrate.portal.policy;

import java.util.List;
import java.util.Map;

/**
 * What a draft policy would do.
 *
 * @param outcome  for a request: the decision's outcome; for the inventory: the most severe finding, or ALLOW
 * @param findings one row per violation or budget threshold crossed
 */
public record DryRunResult(String subject, String outcome, List<Finding> findings) {

    /** @param subject the request, resource or budget account concerned */
    public record Finding(String subject, String outcome, String rule, String message, Map<String, Object> evidence) {
    }
}
