package dev.burnrate.portal.usage.api;

import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import dev.burnrate.portal.usage.VersionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cost explorer's queries: group-by dimensions and tags, filters, time buckets and a metric, over a dataset's
 * version, team-scoped as in the explorer. Each answer row is in one billing currency.
 */
@RestController
@RequestMapping("/api/v1/queries")
@Tag(name = "Queries", description = "The cost explorer's queries over usage datasets")
public class QueriesController {

    private final UsageQueryService queries;
    private final UsageDatasetService datasets;

    public QueriesController(UsageQueryService queries, UsageDatasetService datasets) {
        this.queries = queries;
        this.datasets = datasets;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Run an explorer query: rows per group (and bucket) and totals, one per billing currency")
    public QueryResponse query(@RequestBody QueryRequest request) {
        QueryTranslator.Translated t = QueryTranslator.translate(request);
        String version = version(request);
        QueryResult result = queries.explore(version, t.query());
        int currencyAt = t.perCurrency() ? t.groupBy().size() : -1;
        List<QueryResponse.Row> rows = result.rows().stream().map(r -> {
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < t.groupBy().size(); i++) {
                keys.put(t.groupBy().get(i), r.keys().get(i));
            }
            String currency = currencyAt < 0 ? null : currencyOf(r.keys().get(currencyAt));
            return new QueryResponse.Row(keys, r.bucket(), VersionJson.decimal(r.values()[0]), currency);
        }).toList();
        List<QueryResponse.Total> totals = t.perCurrency()
                ? queries.totalsByCurrency(version, t.query()).entrySet().stream()
                        .map(e -> new QueryResponse.Total(e.getKey(), VersionJson.decimal(e.getValue()))).toList()
                : List.of(new QueryResponse.Total(null, VersionJson.decimal(result.total(t.metric()))));
        return new QueryResponse(request.dataset(), version, t.groupBy(), t.query().bucket().name(),
                t.metric().column(), result.rowsScanned(), result.rowsMatched(), rows, totals);
    }

    private static String currencyOf(String key) {
        return key == null ? UsageQueryService.NO_CURRENCY : key;
    }

    /** The asked version of the dataset, or its newest; a 400 naming the field when either does not exist. */
    private String version(QueryRequest request) {
        DatasetSummary dataset = datasets.datasets().stream().filter(d -> d.name().equals(request.dataset()))
                .findFirst().orElseThrow(() -> field("dataset", "no dataset named '" + request.dataset() + "'"));
        if (request.version() == null) {
            if (dataset.latestVersion() == null) {
                throw field("dataset", "dataset '" + dataset.name() + "' has no version yet");
            }
            return queries.latestVersionKey(dataset.name());
        }
        boolean known = datasets.versions(dataset.name()).stream().map(VersionSummary::key)
                .anyMatch(request.version()::equals);
        if (!known) {
            throw field("version", "dataset '" + dataset.name() + "' has no version '" + request.version() + "'");
        }
        return request.version();
    }

    private static ApiProblem field(String field, String message) {
        return ApiProblem.badRequest(message, List.of(new ApiProblem.FieldError(field, message)));
    }
}
