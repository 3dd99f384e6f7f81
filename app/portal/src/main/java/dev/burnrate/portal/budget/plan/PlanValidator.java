package dev.burnrate.portal.budget.plan;

import dev.burnrate.api.Prices;
import dev.burnrate.portal.currency.ExchangeRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a {@link PlanDraft} into a {@link BudgetPlan} or refuses it with a message per field: every problem is
 * reported at once, so the editor can show them all. Reads nothing itself; the service hands it what it needs.
 */
final class PlanValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** How far back a budget's currency is checked against the billing data. */
    static final int CURRENCY_MONTHS = 12;

    private final List<BudgetPlan> all;
    private final Predicate<String> userExists;
    private final ScopeCurrencies scopeCurrencies;
    private final ExchangeRates rates;
    private final List<PeriodLocks> locks;
    private final LocalDate today;
    private final PlanReferences references;

    PlanValidator(List<BudgetPlan> all, Predicate<String> userExists, ScopeCurrencies scopeCurrencies,
                  ExchangeRates rates, List<PeriodLocks> locks, LocalDate today, PlanReferences references) {
        this.references = references;
        this.all = all;
        this.userExists = userExists;
        this.scopeCurrencies = scopeCurrencies;
        this.rates = rates;
        this.locks = locks;
        this.today = today;
    }

    /** The budget the draft describes, at {@code before}'s version (or 0 when new). */
    BudgetPlan validate(PlanDraft draft, BudgetPlan before) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = before != null ? before.id() : strip(draft.id());
        if (before == null) {
            if (id.isEmpty() || !ID.matcher(id).matches()) {
                errors.put("id", "use 1 to 64 lower-case letters, digits, '.', '_' or '-', e.g. ml-research");
            } else if (find(id).isPresent()) {
                errors.put("id", "a budget with id '" + id + "' already exists");
            }
        }
        String name = strip(draft.name());
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "give a name of 1 to 200 characters");
        }
        String owner = strip(draft.owner());
        if (owner.isEmpty()) {
            errors.put("owner", "give the user who owns (explains) this budget");
        } else if (!userExists.test(owner)) {
            errors.put("owner", "there is no user '" + owner + "'");
        }
        BudgetScope scope = enumValue(BudgetScope.Kind.class, draft.scopeKind(), "scope", errors)
                .flatMap(kind -> {
                    try {
                        return Optional.of(new BudgetScope(kind, draft.scopeValue()));
                    } catch (IllegalArgumentException e) {
                        errors.put("scope", e.getMessage());
                        return Optional.empty();
                    }
                }).orElse(null);
        CostMetric metric = strip(draft.metric()).isEmpty() ? CostMetric.EFFECTIVE_COST
                : enumValue(CostMetric.class, draft.metric(), "metric", errors).orElse(null);
        PlanGranularity granularity = enumValue(PlanGranularity.class, draft.granularity(), "granularity", errors)
                .orElse(null);
        String currency = strip(draft.currency()).toUpperCase(Locale.ROOT);
        try {
            Prices.requireIsoCurrency(currency);
        } catch (IllegalArgumentException e) {
            errors.put("currency", "'" + currency + "' is not an ISO 4217 currency code, e.g. USD or EUR");
            currency = null;
        }
        String parentId = strip(draft.parentId()).isEmpty() ? null : strip(draft.parentId());
        TreeMap<LocalDate, BigDecimal> amounts = amounts(draft, granularity, errors);
        if (!errors.isEmpty()) {
            throw new PlanValidationException(errors);
        }
        BudgetPlan plan = new BudgetPlan(id, name, owner, scope, metric, currency, granularity, parentId,
                before == null ? 0 : before.version(), amounts);
        checkParent(plan, errors);
        checkChildren(plan, errors);
        checkOverlap(plan, errors);
        boolean policyScope = scope.kind() == BudgetScope.Kind.TEAM || scope.kind() == BudgetScope.Kind.PROJECT;
        if (before != null && !policyScope && !references.policiesNaming(id).isEmpty()) {
            errors.put("scope", "policies " + references.policiesNaming(id) + " name this budget and can only use "
                    + "a team or project budget; change them first");
        }
        if (!errors.isEmpty()) {
            throw new PlanValidationException(errors);
        }
        checkCurrency(plan, before, errors);
        checkLocks(plan, before, errors);
        if (!errors.isEmpty()) {
            throw new PlanValidationException(errors);
        }
        return plan;
    }

    /** Refuses deleting a budget with a period a signed review covers, or one other budgets roll up to. */
    void checkDelete(BudgetPlan plan) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> children = all.stream().filter(p -> plan.id().equals(p.parentId())).map(BudgetPlan::name)
                .toList();
        if (!children.isEmpty()) {
            errors.put("parent", "budgets " + children + " roll up to this one; move or delete them first");
        }
        List<String> policies = references.policiesNaming(plan.id());
        if (!policies.isEmpty()) {
            errors.put("id", "policies " + policies + " name this budget; change them first");
        }
        checkLocks(null, plan, errors);
        if (!errors.isEmpty()) {
            throw new PlanValidationException(errors);
        }
    }

    private TreeMap<LocalDate, BigDecimal> amounts(PlanDraft draft, PlanGranularity granularity,
                                                   Map<String, String> errors) {
        TreeMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
        draft.amounts().forEach((start, text) -> {
            String field = PlanValidationException.amountField(start);
            if (granularity != null && !granularity.periodStart(start).equals(start)) {
                errors.put(field, start + " is not the first day of a " + granularity.name().toLowerCase(Locale.ROOT));
                return;
            }
            try {
                PlanAmounts.parse(text).ifPresent(a -> amounts.put(start, a));
            } catch (IllegalArgumentException e) {
                errors.put(field, label(start, granularity) + ": " + e.getMessage());
            }
        });
        return amounts;
    }

    private void checkParent(BudgetPlan plan, Map<String, String> errors) {
        if (plan.parentId() == null) {
            return;
        }
        Optional<BudgetPlan> parent = find(plan.parentId());
        if (parent.isEmpty()) {
            errors.put("parent", "there is no budget '" + plan.parentId() + "'");
            return;
        }
        if (ancestors(plan.parentId()).contains(plan.id())) {
            errors.put("parent", "'" + parent.get().name() + "' rolls up to this budget; a budget cannot roll up "
                    + "to itself");
            return;
        }
        if (!parent.get().currency().equals(plan.currency())) {
            errors.put("currency", "the parent '" + parent.get().name() + "' is kept in " + parent.get().currency()
                    + "; a child budget must use its parent's currency");
        }
        if (parent.get().granularity() != plan.granularity()) {
            errors.put("granularity", "the parent '" + parent.get().name() + "' is planned per "
                    + parent.get().granularity().name().toLowerCase(Locale.ROOT)
                    + "; a child budget must use its parent's periods");
        }
    }

    private void checkChildren(BudgetPlan plan, Map<String, String> errors) {
        for (BudgetPlan child : all) {
            if (!plan.id().equals(child.parentId())) {
                continue;
            }
            if (!child.currency().equals(plan.currency())) {
                errors.put("currency", "child budget '" + child.name() + "' is kept in " + child.currency()
                        + "; a parent must use its children's currency");
            }
            if (child.granularity() != plan.granularity()) {
                errors.put("granularity", "child budget '" + child.name() + "' is planned per "
                        + child.granularity().name().toLowerCase(Locale.ROOT) + "; a parent must use the same periods");
            }
        }
    }

    private void checkOverlap(BudgetPlan plan, Map<String, String> errors) {
        for (BudgetPlan other : all) {
            if (other.id().equals(plan.id()) || !other.scope().equals(plan.scope()) || other.metric() != plan.metric()) {
                continue;
            }
            boolean related = ancestorsOf(plan).contains(other.id()) || ancestors(other.parentId()).contains(plan.id())
                    || plan.id().equals(other.parentId());
            if (!related) {
                errors.put("scope", plan.scope() + " (" + plan.metric().column() + ") is already covered by budget '"
                        + other.name() + "' (" + other.id() + "); choose another scope or make one budget the "
                        + "other's parent");
                return;
            }
        }
    }

    /**
     * Refuses a currency the scope's spend of the last months was never billed in, when there is no exchange rate
     * from the currencies it was billed in either: the budget could never be compared with its spend.
     */
    private void checkCurrency(BudgetPlan plan, BudgetPlan before, Map<String, String> errors) {
        if (before != null && before.currency().equals(plan.currency()) && before.scope().equals(plan.scope())
                && before.metric() == plan.metric()) {
            return;
        }
        LocalDate to = today.withDayOfMonth(1);
        Set<String> found = new java.util.TreeSet<>(scopeCurrencies.currencies(plan.scope(), plan.metric(),
                to.minusMonths(CURRENCY_MONTHS), to.plusMonths(1)));
        if (found.isEmpty() || found.contains(plan.currency())) {
            return;
        }
        boolean convertible = found.stream().anyMatch(c -> rates.convert(1, c, plan.currency(), today).isPresent());
        if (!convertible) {
            errors.put("currency", plan.scope() + " was billed only in " + String.join(", ", found) + " in the last "
                    + CURRENCY_MONTHS + " months and there is no exchange rate to " + plan.currency()
                    + "; plan in " + String.join(" or ", found) + ", or add an exchange rate first");
        }
    }

    /** Refuses changing any period a signed review covers: a changed amount, or every period when what it measures changes. */
    private void checkLocks(BudgetPlan plan, BudgetPlan before, Map<String, String> errors) {
        if (locks.isEmpty()) {
            return;
        }
        Set<LocalDate> touched = new HashSet<>();
        boolean measureChanged = plan == null || before != null && (!before.scope().equals(plan.scope())
                || before.metric() != plan.metric() || !before.currency().equals(plan.currency())
                || before.granularity() != plan.granularity() || !Objects.equals(before.parentId(), plan.parentId()));
        Map<LocalDate, BigDecimal> old = before == null ? Map.of() : before.amounts();
        Map<LocalDate, BigDecimal> now = plan == null ? Map.of() : plan.amounts();
        if (measureChanged) {
            touched.addAll(old.keySet());
            touched.addAll(now.keySet());
        } else {
            old.forEach((start, amount) -> {
                if (now.get(start) == null || now.get(start).compareTo(amount) != 0) {
                    touched.add(start);
                }
            });
            now.forEach((start, amount) -> {
                if (!old.containsKey(start)) {
                    touched.add(start);
                }
            });
        }
        PlanGranularity granularity = plan != null ? plan.granularity() : before.granularity();
        for (LocalDate start : new java.util.TreeSet<>(touched)) {
            for (PeriodLocks lock : locks) {
                Optional<String> reason = lock.lockedReason(start, granularity.periodEnd(start));
                if (reason.isPresent()) {
                    errors.put(PlanValidationException.amountField(start), label(start, granularity) + " is locked: "
                            + reason.get());
                    break;
                }
            }
        }
    }

    private Optional<BudgetPlan> find(String id) {
        return all.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** {@code id} and every budget above it. */
    private Set<String> ancestors(String id) {
        Set<String> seen = new HashSet<>();
        String at = id;
        while (at != null && seen.add(at)) {
            at = find(at).map(BudgetPlan::parentId).orElse(null);
        }
        return seen;
    }

    private Set<String> ancestorsOf(BudgetPlan plan) {
        return ancestors(plan.parentId());
    }

    static String label(LocalDate start, PlanGranularity granularity) {
        if (granularity == PlanGranularity.QUARTER) {
            return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
        }
        return String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String text, String field,
                                                           Map<String, String> errors) {
        try {
            return Optional.of(Enum.valueOf(type, strip(text).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.put(field, "'" + strip(text) + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
