package dev.burnrate.engine.usage.validation;

/**
 * Warnings of one rule in one column, counted instead of listed (a real export can normalise millions of values).
 *
 * @param first the first occurrence, as an example
 */
public record WarningSummary(Rule rule, String column, long count, ValidationIssue first) {
}
