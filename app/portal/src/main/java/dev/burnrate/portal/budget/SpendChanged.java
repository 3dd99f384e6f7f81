package dev.burnrate.portal.budget;

/**
 * Published when spend data changed (metering stored new rows, a usage import committed), so that budgets and
 * policies are checked again.
 *
 * @param source what changed it, e.g. {@code metering} or {@code import}
 */
public record SpendChanged(String source) {
}
