package dev.burnrate.engine.policy.budget;

import dev.burnrate.engine.policy.RuleAction;

import java.util.Locale;

/**
 * A point in a budget at which something happens.
 *
 * @param percent of the budget's amount; crossed when spend goes above it
 * @param action  what crossing it asks for
 * @param basis   which figure is compared: committed (actual + committed + this request) or the run-rate projection
 *                to the period's end
 */
public record BudgetThreshold(double percent, RuleAction action, Basis basis) {

    public enum Basis {
        COMMITTED,
        PROJECTED;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
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
        return percentLabel() + (basis == Basis.PROJECTED ? " (projected)" : "");
    }
}
