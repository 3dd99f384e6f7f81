package dev.burnrate.engine.policy.budget;

import dev.burnrate.engine.policy.Evidence;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.RuleAction;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One budget judged for one request (or, with no request, for monitoring): the figures and the thresholds crossed.
 *
 * @param key         the budget account
 * @param periodLabel e.g. {@code 2026-11}
 * @param amount      the budget, in the account's currency ({@link BudgetKey#currency()}); so are all figures
 * @param status      actual, committed and run-rate as read
 * @param requestCost the part of this request's cost that falls in the period (0 when monitoring)
 * @param total       actual + committed + requestCost
 * @param projected   actual + committed + run-rate x hours left + requestCost
 * @param crossed     every threshold crossed, most severe first
 * @param unjudged    why the request's cost could not be counted (priced in another currency with no exchange
 *                    rate), or {@code null}; such a request needs finance's approval unless a DENY is crossed anyway
 */
public record BudgetCheck(BudgetKey key, String periodLabel, double amount, BudgetStatus status, double requestCost,
                          double total, double projected, List<BudgetThreshold> crossed, String unjudged) {

    public BudgetCheck {
        crossed = crossed.stream().sorted(Comparator.comparing((BudgetThreshold t) -> t, BudgetThreshold::severityCompare)
                .reversed()).toList();
    }

    /** A check that counted the request's cost (or had none to count). */
    public BudgetCheck(BudgetKey key, String periodLabel, double amount, BudgetStatus status, double requestCost,
                       double total, double projected, List<BudgetThreshold> crossed) {
        this(key, periodLabel, amount, status, requestCost, total, projected, crossed, null);
    }

    /** This check, marked as unable to count the request's cost for the given reason. */
    public BudgetCheck unjudged(String reason) {
        return new BudgetCheck(key, periodLabel, amount, status, requestCost, total, projected, crossed, reason);
    }

    public double percent() {
        return total / amount * 100.0;
    }

    public double projectedPercent() {
        return projected / amount * 100.0;
    }

    /** The projection at the spend forecast's P90 (the projection itself without a forecast). */
    public double projectedP90() {
        return projected + status.p90Margin();
    }

    /** The threshold that decides: the most severe crossed. */
    public Optional<BudgetThreshold> worst() {
        return crossed.stream().findFirst();
    }

    /**
     * The finding for the worst threshold crossed, if any; finance must approve when it asks for approval. A
     * request whose cost could not be counted needs finance's approval too (a crossed DENY still denies it).
     */
    public Optional<Finding> finding() {
        Optional<BudgetThreshold> worst = worst();
        if (unjudged != null && worst.map(t -> t.action() != RuleAction.DENY).orElse(true)) {
            return Optional.of(new Finding(RuleAction.REQUIRE_APPROVAL, "budget-currency", "Budget "
                    + key.budgetId() + " for " + key.describeScope() + " in " + periodLabel
                    + " cannot judge this request: " + unjudged + ". Approval by finance is required.",
                    evidence(null), true));
        }
        return worst.map(this::findingFor);
    }

    /** The finding for one threshold of this check. */
    public Finding findingFor(BudgetThreshold t) {
        return new Finding(t.action(), "budget-" + t.basis().yamlName() + "-" + t.percentLabel(), message(t), evidence(t),
                t.action() == RuleAction.REQUIRE_APPROVAL);
    }

    private String message(BudgetThreshold t) {
        String figure = switch (t.basis()) {
            case PROJECTED -> String.format(Locale.ROOT, "is projected to reach %s of %s (%.1f%%) by the end of"
                    + " the period", money(projected), money(amount), projectedPercent());
            case PROJECTED_P90 -> String.format(Locale.ROOT, "may reach %s of %s (%.1f%%) by the end of the period"
                    + " (the forecast's P90)", money(projectedP90()), money(amount), projectedP90() / amount * 100.0);
            case COMMITTED -> String.format(Locale.ROOT, "reaches %s of %s (%.1f%%)", money(total), money(amount),
                    percent());
        };
        String with = requestCost > 0 ? "with this request, spend " : "spend ";
        String consequence = switch (t.action()) {
            case NOTIFY -> "";
            case REQUIRE_APPROVAL -> ": approval by finance is required";
            case DENY -> ": new provisioning is denied";
        };
        return "Budget " + key.budgetId() + " for " + key.describeScope() + " in " + periodLabel + ": " + with
                + figure + ", past the " + t.label() + " threshold" + consequence + ".";
    }

    private String money(double value) {
        return Amount.format(value, key.currency());
    }

    public Map<String, Object> evidence(BudgetThreshold t) {
        Evidence evidence = Evidence.builder()
                .put("budget", key.budgetId())
                .put("scope", key.describeScope())
                .put("period", periodLabel)
                .money("amount", amount)
                .money("actual", status.actual())
                .money("committed", status.committed())
                .money("request_cost", requestCost)
                .money("total", total)
                .put("percent", Math.round(percent() * 10) / 10.0)
                .money("run_rate_per_hour", status.runRatePerHour())
                .money("projected", projected)
                .put("projected_percent", Math.round(projectedPercent() * 10) / 10.0);
        if (status.p90Margin() > 0) {
            evidence.money("projected_p90", projectedP90());
        }
        if (!key.currency().equals("USD")) {
            evidence.put("currency", key.currency());
        }
        if (unjudged != null) {
            evidence.put("not_counted", unjudged);
        }
        if (t != null) {
            evidence.put("threshold", t.label()).put("threshold_action", t.action().yamlName());
        }
        return evidence.build();
    }
}
