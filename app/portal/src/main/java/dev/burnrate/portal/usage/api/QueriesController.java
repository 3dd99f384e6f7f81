package dev.burnrate.portal.usage.api;

import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import dev.burnrate.portal.usage.VersionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
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
        PerCurrencyQuery.Answer answer = PerCurrencyQuery.run(queries, version, t);
        List<QueryResponse.Total> totals = t.perCurrency()
                ? queries.totalsByCurrency(version, t.query()).entrySet().stream()
                        .map(e -> new QueryResponse.Total(e.getKey(), VersionJson.decimal(e.getValue()))).toList()
                : List.of(new QueryResponse.Total(null, answer.rows().stream().map(QueryResponse.Row::value)
                        .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return new QueryResponse(request.dataset(), version, t.groupBy(), t.query().bucket().name(),
                t.metric().column(), answer.rowsScanned(), answer.rowsMatched(), answer.rows(), totals);
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
