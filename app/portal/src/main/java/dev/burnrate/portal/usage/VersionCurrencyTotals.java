package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A version's billed, effective and list cost per billing currency, largest effective cost first. The totals a
 * version row stores add every row whatever its currency, so a page must show these instead. Versions never change,
 * so the whole version's figures (what ADMIN and FINANCE see) are computed once per version and kept; a team-scoped
 * user's figures are computed for each call.
 */
@Component
class VersionCurrencyTotals {

    private static final int MAX_ENTRIES = 256;

    private final VersionTables tables;
    private final CurrentUser currentUser;
    private final Map<String, List<CurrencyTotals>> whole = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<CurrencyTotals>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    VersionCurrencyTotals(VersionTables tables, CurrentUser currentUser) {
        this.tables = tables;
        this.currentUser = currentUser;
    }

    List<CurrencyTotals> of(String versionKey) {
        if (!currentUser.seesAllTeams()) {
            return compute(versionKey);
        }
        synchronized (whole) {
            List<CurrencyTotals> known = whole.get(versionKey);
            if (known != null) {
                return known;
            }
        }
        List<CurrencyTotals> computed = compute(versionKey);
        synchronized (whole) {
            whole.put(versionKey, computed);
        }
        return computed;
    }

    private List<CurrencyTotals> compute(String versionKey) {
        QueryResult r = tables.query(versionKey, UsageQuery.builder()
                .groupBy(GroupKey.dimension(UsageQueryService.BILLING_CURRENCY))
                .sum(Metric.BILLED_COST, Metric.EFFECTIVE_COST, Metric.LIST_COST).build());
        return r.rows().stream()
                .map(row -> new CurrencyTotals(Objects.requireNonNullElse(row.keys().getFirst(),
                        UsageQueryService.NO_CURRENCY), row.values()[0], row.values()[1], row.values()[2]))
                .sorted((a, b) -> Double.compare(Math.abs(b.effectiveCost()), Math.abs(a.effectiveCost())))
                .toList();
    }
}
