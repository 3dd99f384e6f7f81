package dev.burnrate.portal.review;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.BudgetScope;
import dev.burnrate.portal.budget.plan.CostMetric;
import dev.burnrate.portal.finance.BillingData;
import dev.burnrate.portal.finance.DataVersions;
import dev.burnrate.portal.finance.SpendRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spend cut into cells (team, project, billing account, service, every tag a budget names; per day and currency)
 * fine enough to decide for each cell which budget scopes cover it. Covering is decided per cell, so a row that two
 * budgets cover is still one row of the period's total, and a parent counts a child's row once.
 */
final class SpendCells {

    static final int TEAM = 0;
    static final int PROJECT = 1;
    static final int ACCOUNT = 2;
    static final int SERVICE = 3;
    private static final int FIRST_TAG = 4;

    /** One cell: its key values (null: untagged), day, billing currency and exact amount. */
    record Cell(List<String> keys, LocalDate day, String currency, BigDecimal amount) {
    }

    private final List<String> tagKeys;
    private final Map<CostMetric, List<Cell>> cells;

    SpendCells(List<String> tagKeys, Map<CostMetric, List<Cell>> cells) {
        this.tagKeys = List.copyOf(tagKeys);
        this.cells = cells;
    }

    /** Reads the cells of {@code [from, to)} in every cost column a budget uses, and in EffectiveCost. */
    static SpendCells read(BillingData data, DataVersions versions, Collection<BudgetPlan> plans, LocalDate from,
                           LocalDate to) {
        List<String> tagKeys = new ArrayList<>(new LinkedHashSet<>(plans.stream()
                .filter(p -> p.scope().kind() == BudgetScope.Kind.TAG).map(p -> p.scope().tagKey()).toList()));
        Set<CostMetric> metrics = new LinkedHashSet<>();
        metrics.add(CostMetric.EFFECTIVE_COST);
        plans.forEach(p -> metrics.add(p.metric()));
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<CostMetric, List<Cell>> cells = new EnumMap<>(CostMetric.class);
        for (CostMetric metric : metrics) {
            List<SpendRow> rows = data.sum(versions, teamTag -> {
                List<GroupKey> groups = new ArrayList<>(List.of(GroupKey.tag(teamTag),
                        GroupKey.tag(BudgetScope.PROJECT_TAG), GroupKey.dimension("BillingAccountId"),
                        GroupKey.dimension("ServiceName")));
                tagKeys.forEach(k -> groups.add(GroupKey.tag(k)));
                return UsageQuery.builder().between(start, end).groupBy(groups.toArray(GroupKey[]::new))
                        .bucket(TimeBucket.DAY).sum(metric.metric()).build();
            });
            cells.put(metric, rows.stream().map(r -> new Cell(r.keys().stream().map(SpendCells::orNull).toList(),
                    LocalDate.ofInstant(r.bucket(), ZoneOffset.UTC), r.currency(), r.amount())).toList());
        }
        return new SpendCells(tagKeys, cells);
    }

    private static String orNull(String key) {
        return key == null || key.equals(UsageQuery.NULL) ? null : key;
    }

    List<Cell> of(CostMetric metric) {
        return cells.getOrDefault(metric, List.of());
    }

    boolean isEmpty(LocalDate from, LocalDate to) {
        return cells.values().stream().flatMap(List::stream)
                .noneMatch(c -> !c.day().isBefore(from) && c.day().isBefore(to) && c.amount().signum() != 0);
    }

    /** Whether {@code scope} covers the cell (currency aside). */
    boolean covers(BudgetScope scope, Cell cell) {
        return switch (scope.kind()) {
            case TEAM -> scope.value().equals(cell.keys().get(TEAM));
            case PROJECT -> scope.value().equals(cell.keys().get(PROJECT));
            case BILLING_ACCOUNT -> scope.value().equals(cell.keys().get(ACCOUNT));
            case SERVICE -> scope.value().equals(cell.keys().get(SERVICE));
            case TAG -> scope.tagValue().equals(cell.keys().get(FIRST_TAG + tagKeys.indexOf(scope.tagKey())));
        };
    }
}
