package dev.burnrate.engine.policy.budget;

import dev.burnrate.api.Prices;
import dev.burnrate.engine.policy.EvaluationContext;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A budget: an amount per month or quarter for a team, a project or everyone, with thresholds. A request is judged
 * on actual + committed spend plus its own cost in the period, and on the projection to the period's end (the same
 * plus the run rate of uncommitted spend over the hours left).
 *
 * @param estimate which simulator figure counts as the request's cost: the expected total or the P90
 * @param currency the ISO 4217 code of {@code amount}; a request priced in another currency is converted only at an
 *                 explicit exchange rate ({@link BudgetStatusProvider#convert}), otherwise the budget cannot judge
 *                 it and asks finance to ({@link BudgetCheck#unjudged})
 * @param plan     the planned budget the rule names ({@code budget: <id>}), or null for a rule with a flat
 *                 {@code amount}. A named budget gives the scope (only its team or project), the period, the
 *                 currency and an amount per period; a period it has no amount for has no limit (no account).
 */
public record BudgetRule(String id, BudgetKey.Scope scope, BudgetPeriod period, double amount, Estimate estimate,
                         List<BudgetThreshold> thresholds, String currency, PlannedBudget plan) implements Rule {

    public enum Estimate {
        EXPECTED,
        P90
    }

    /** The type without planned budgets: {@code budget: <id>} is refused as unknown. */
    public static final RuleType TYPE = BudgetRuleType.create(PlannedBudgets.NONE);

    /** The type whose rules may name one of {@code plans}. */
    public static RuleType type(PlannedBudgets plans) {
        return BudgetRuleType.create(plans);
    }

    public BudgetRule {
        thresholds = List.copyOf(thresholds);
        currency = Prices.requireIsoCurrency(currency);
    }

    /** A budget with a flat amount per period. */
    public BudgetRule(String id, BudgetKey.Scope scope, BudgetPeriod period, double amount, Estimate estimate,
                      List<BudgetThreshold> thresholds, String currency) {
        this(id, scope, period, amount, estimate, thresholds, currency, null);
    }

    /** A USD budget. */
    public BudgetRule(String id, BudgetKey.Scope scope, BudgetPeriod period, double amount, Estimate estimate,
                      List<BudgetThreshold> thresholds) {
        this(id, scope, period, amount, estimate, thresholds, Prices.DEFAULT_CURRENCY);
    }

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        return judge(input, context).flatMap(BudgetCheck::finding).stream().toList();
    }

    /** The budget account a request is charged to, if the rule concerns it (a project budget needs a project). */
    public Optional<BudgetKey> keyFor(String policyId, String team, String project, Instant now, ZoneId zone) {
        String value = switch (scope) {
            case TEAM -> team;
            case PROJECT -> project;
            case ALL -> "*";
        };
        if (value == null || plan != null && !plan.scopeValue().equals(value)) {
            return Optional.empty();
        }
        BudgetPeriod.Window window = period.window(now, zone);
        if (plan != null && !plan.amounts().containsKey(periodStart(window.start(), zone))) {
            return Optional.empty();
        }
        return Optional.of(new BudgetKey(policyId + "/" + id, scope, value, period, window.start(), window.end(),
                currency));
    }

    /**
     * Judges a request against this budget, reading the account's figures from the context. A request priced in
     * another currency is converted at the context's exchange rate of today; without one its cost is not added
     * and the check says why the budget could not judge it.
     */
    public Optional<BudgetCheck> judge(PolicyInput input, EvaluationContext context) {
        return keyFor(context.policy().id(), input.team(), input.project(), context.now(), context.zone())
                .map(key -> {
                    BudgetStatus status = context.budgets().status(key);
                    double cost = requestCost(input, key, context.now());
                    String from = input.currency();
                    if (cost == 0 || from.equals(currency)) {
                        return judge(key, status, cost, context.now(), context.zone());
                    }
                    LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
                    OptionalDouble converted = context.budgets().convert(cost, from, currency, today);
                    if (converted.isPresent()) {
                        return judge(key, status, converted.getAsDouble(), context.now(), context.zone());
                    }
                    return judge(key, status, 0, context.now(), context.zone()).unjudged(String.format(Locale.ROOT,
                            "this request costs %s in the period, the budget is kept in %s and there is no %s→%s "
                                    + "exchange rate for %s", Amount.format(cost, from), currency, from, currency,
                            today));
                });
    }

    /** Judges an account with a request cost (0 when monitoring); a pure function of its arguments. */
    public BudgetCheck judge(BudgetKey key, BudgetStatus status, double requestCost, Instant now, ZoneId zone) {
        BudgetPeriod.Window window = period.window(key.start(), zone);
        double limit = amountFor(key, zone);
        double hoursLeft = window.hoursLeft(now);
        double total = status.actual() + status.committed() + requestCost;
        // Committed spend already holds planned work to its planned end; the run rate is only spend nobody committed
        // (see BudgetStatus), so the two add up instead of one replacing the other.
        double projected = status.actual() + status.committed() + status.runRatePerHour() * hoursLeft + requestCost;
        List<BudgetThreshold> crossed = thresholds.stream().filter(t -> {
            double value = switch (t.basis()) {
                case COMMITTED -> total;
                case PROJECTED -> projected;
                case PROJECTED_P90 -> projected + status.p90Margin();
            };
            return value > limit * t.percent() / 100.0;
        }).toList();
        return new BudgetCheck(key, window.label(), limit, status, requestCost, total, projected, crossed);
    }

    /**
     * The label of the period containing {@code now} (e.g. {@code 2027-01}) when the rule names a budget that has no
     * plan for it: the rule sets no limit then, which the budgets page reports. Empty for a planned period and for
     * rules with a flat amount.
     */
    public Optional<String> unplannedPeriod(Instant now, ZoneId zone) {
        if (plan == null) {
            return Optional.empty();
        }
        BudgetPeriod.Window window = period.window(now, zone);
        return plan.amounts().containsKey(periodStart(window.start(), zone)) ? Optional.empty()
                : Optional.of(window.label());
    }

    /**
     * The limit of an account's period: the flat amount, or the named budget's plan for the period. An account of
     * a period without a plan is never made ({@link #keyFor}), so asking for one is a programming error.
     */
    public double amountFor(BudgetKey key, ZoneId zone) {
        if (plan == null) {
            return amount;
        }
        LocalDate start = periodStart(key.start(), zone);
        BigDecimal planned = plan.amounts().get(start);
        if (planned == null) {
            throw new IllegalStateException("budget " + plan.id() + " has no plan for the period starting " + start);
        }
        return planned.doubleValue();
    }

    private static LocalDate periodStart(Instant start, ZoneId zone) {
        return start.atZone(zone).toLocalDate();
    }

    /**
     * The part of a request's cost that lands in the budget's period: all of it when it ends in the period, else a
     * pro-rata share; a request without a planned duration runs to the period's end at its hourly cost.
     */
    public double requestCost(PolicyInput input, BudgetKey key, Instant now) {
        double hoursLeft = Math.max(0, key.end().toEpochMilli() - now.toEpochMilli()) / 3_600_000.0;
        if (input.duration() == null) {
            return input.hourlyCost() * hoursLeft;
        }
        double hours = input.duration().toMillis() / 3_600_000.0;
        double total = estimate == Estimate.P90 ? input.p90Total() : input.expectedTotal();
        if (total <= 0) {
            total = input.hourlyCost() * hours;
        }
        return hours <= hoursLeft || hours == 0 ? total : total * hoursLeft / hours;
    }
}
