package dev.burnrate.portal.usage.api;

import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.usage.UsageQueryService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a translated query so that every answer row is in one billing currency. Grouping by currency does that for
 * plain queries; a top-N, though, sums everything outside the top into one "Other" row with no currency, so a top-N
 * runs once per currency (the top N groups of each currency, and each currency's own "Other").
 */
final class PerCurrencyQuery {

    private static final String CURRENCY = UsageQueryService.BILLING_CURRENCY;

    /** The rows, the rows read (the largest of the runs) and the rows matched (all runs: currencies are disjoint). */
    record Answer(List<QueryResponse.Row> rows, long rowsScanned, long rowsMatched) {
    }

    private PerCurrencyQuery() {
    }

    static Answer run(UsageQueryService queries, String version, QueryTranslator.Translated t) {
        UsageQuery q = t.query();
        if (!t.perCurrency() || q.topN() == 0) {
            QueryResult r = queries.explore(version, q);
            return new Answer(rows(r, t, null), r.rowsScanned(), r.rowsMatched());
        }
        Set<String> asked = q.dimensions().get(CURRENCY);
        List<QueryResponse.Row> rows = new ArrayList<>();
        long scanned = 0;
        long matched = 0;
        for (String currency : queries.values(version, CURRENCY)) {
            if (asked != null && !asked.contains(currency)) {
                continue;
            }
            Map<String, Set<String>> dimensions = new LinkedHashMap<>(q.dimensions());
            dimensions.put(CURRENCY, Set.of(currency));
            QueryResult r = queries.explore(version, new UsageQuery(q.from(), q.to(), dimensions, q.tags(), q.scope(),
                    q.groupBy(), q.bucket(), q.metrics(), q.topN(), q.rankBy()));
            rows.addAll(rows(r, t, currency));
            scanned = Math.max(scanned, r.rowsScanned());
            matched += r.rowsMatched();
        }
        return new Answer(rows, scanned, matched);
    }

    /** Answer rows; {@code currency} is the one the run was limited to, else read from the currency group key. */
    private static List<QueryResponse.Row> rows(QueryResult r, QueryTranslator.Translated t, String currency) {
        int currencyAt = t.groupBy().size();
        return r.rows().stream().map(row -> {
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < t.groupBy().size(); i++) {
                keys.put(t.groupBy().get(i), row.keys().get(i));
            }
            String rowCurrency = !t.perCurrency() ? null : currency != null ? currency
                    : row.keys().get(currencyAt) == null ? UsageQueryService.NO_CURRENCY : row.keys().get(currencyAt);
            return new QueryResponse.Row(keys, row.bucket(), VersionJson.decimal(row.values()[0]), rowCurrency);
        }).toList();
    }
}
