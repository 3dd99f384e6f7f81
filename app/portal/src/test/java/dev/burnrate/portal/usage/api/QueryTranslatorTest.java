package dev.burnrate.portal.usage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.portal.api.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTranslatorTest {

    @Test
    void theExplorersModelBecomesTheEngineQueryGroupedByCurrencyLast() {
        QueryTranslator.Translated t = QueryTranslator.translate(new QueryRequest("demo", null,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                List.of("ServiceName", "tag:team"), Map.of("ProviderName", List.of("AWS"), "tag:env", List.of("prod")),
                "day", "BilledCost", 5));

        assertThat(t.query().groupBy()).containsExactly(GroupKey.dimension("ServiceName"), GroupKey.tag("team"),
                GroupKey.dimension("BillingCurrency"));
        assertThat(t.groupBy()).containsExactly("ServiceName", "tag:team");
        assertThat(t.query().dimensions()).containsEntry("ProviderName", java.util.Set.of("AWS"));
        assertThat(t.query().tags()).containsEntry("env", java.util.Set.of("prod"));
        assertThat(t.query().bucket()).isEqualTo(TimeBucket.DAY);
        assertThat(t.query().metrics()).containsExactly(Metric.BILLED_COST);
        assertThat(t.query().topN()).isEqualTo(5);
        assertThat(t.perCurrency()).isTrue();
    }

    @Test
    void aQuantityIsNotSplitByCurrency() {
        QueryTranslator.Translated t = QueryTranslator.translate(new QueryRequest("demo", null, null, null, null,
                null, null, "ConsumedQuantity", null));
        assertThat(t.perCurrency()).isFalse();
        assertThat(t.query().groupBy()).isEmpty();
    }

    @Test
    void everyBadNameIsReportedWithItsFieldPath() {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> QueryTranslator.translate(
                new QueryRequest(null, null, Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"), List.of("ServiceName", "servicename", "BilledCost"),
                        Map.of("Nope", List.of("x")), "fortnight", "Profit", -1)));

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactlyInAnyOrder("dataset",
                "to", "groupBy[1]", "groupBy[2]", "filters.Nope", "bucket", "metric", "top");
        assertThat(problem.errors()).filteredOn(e -> e.field().equals("groupBy[1]")).singleElement()
                .extracting(ApiProblem.FieldError::message).asString().contains("did you mean ServiceName?");
    }
}
