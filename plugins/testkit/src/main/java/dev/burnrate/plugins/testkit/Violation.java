package dev.burnrate.plugins.testkit;

/**
 * One broken rule found by a conformance check.
 *
 * @param subject what is wrong, e.g. {@code offering aws/us-east-1/p5.48xlarge} or {@code spec H100}
 * @param rule    a short, stable rule name, e.g. {@code region-exists}
 * @param message what is wrong and what was found
 */
public record Violation(String subject, String rule, String message) {
    @Override
    public String toString() {
        return subject + ": [" + rule + "] " + message;
    }
}
