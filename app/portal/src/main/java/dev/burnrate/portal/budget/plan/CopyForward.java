package dev.burnrate.portal.budget.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A new year's plan made from an existing figure plus a percentage: last year's plan of the same period, or the
 * spend forecast of the period. Each amount is exact: {@code base x (100 + percent) / 100}, rounded once, half-even,
 * to the cent.
 *
 * @param percent as typed, e.g. {@code 5}, {@code -2.5}; blank means 0
 */
public record CopyForward(Source source, int year, String percent) {

    public enum Source {
        LAST_YEAR("Last year's plan"),
        FORECAST("Spend forecast");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The percentage, exactly; refused when it is not a number or takes more than everything away. */
    public BigDecimal percentValue() {
        String t = percent == null ? "" : percent.strip().replace("%", "");
        if (t.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal p;
        try {
            p = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw PlanValidationException.of("percent", "\"" + percent.strip() + "\" is not a percentage, e.g. 5 or -2.5");
        }
        if (p.compareTo(BigDecimal.valueOf(-100)) < 0) {
            throw PlanValidationException.of("percent", "a plan cannot shrink by more than 100%");
        }
        return p;
    }

    /** {@code base} plus the percentage, rounded half-even to the cent. */
    public BigDecimal apply(BigDecimal base) {
        return base.multiply(BigDecimal.valueOf(100).add(percentValue())).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The new year's amounts from last year's plan: every planned period of {@code year - 1}, a year later. */
    SortedMap<LocalDate, BigDecimal> fromLastYear(BudgetPlan plan) {
        TreeMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
        plan.amounts().forEach((start, amount) -> {
            if (start.getYear() == year - 1) {
                amounts.put(start.plusYears(1), apply(amount));
            }
        });
        return amounts;
    }

    /**
     * What a copy-forward would set, with notes on what it could not: periods without a base figure keep what they
     * have.
     */
    public record Result(SortedMap<LocalDate, BigDecimal> amounts, java.util.List<String> notes) {

        public Result {
            amounts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(amounts));
            notes = java.util.List.copyOf(notes);
        }
    }
}
