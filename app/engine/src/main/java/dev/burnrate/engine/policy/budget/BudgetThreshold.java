package dev.burnrate.engine.policy.budget;

import dev.burnrate.engine.policy.RuleAction;

import java.util.Locale;

/**
 * A point in a budget at which something happens.
 *
 * @param percent of the budget's amount; crossed when spend goes above it
 * @param action  what crossing it asks for
 * @param basis   which figure is compared: committed (actual + committed + this request), the projection to the
 *                period's end, or that projection at the forecast's P90
 */
public record BudgetThreshold(double percent, RuleAction action, Basis basis) {

    public enum Basis {
        COMMITTED,
        PROJECTED,
        /** The projection with the spend forecast's P90 in place of its P50: for budgets that must not be overrun. */
        PROJECTED_P90;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The basis of a YAML name ({@code committed}, {@code projected}, {@code projected-p90}). */
        public static Basis fromYaml(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Crossing order: the more severe action first, then the higher percentage. */
    public int severityCompare(BudgetThreshold other) {
        int byAction = action.outcome().compareTo(other.action.outcome());
        return byAction != 0 ? byAction : Double.compare(percent, other.percent);
    }

    /** e.g. {@code 80%}. */
    public String percentLabel() {
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }

    /** e.g. {@code 80%} or {@code 100% (projected)}. */
    public String label() {
        return percentLabel() + switch (basis) {
            case COMMITTED -> "";
            case PROJECTED -> " (projected)";
            case PROJECTED_P90 -> " (projected, P90)";
        };
    }
}
