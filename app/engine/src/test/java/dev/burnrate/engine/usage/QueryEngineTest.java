package dev.burnrate.engine.usage;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.json.UsageJson;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TeamScope;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.synth.PlantedAnomaly;
import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Query results against a naive computation over the same CSV, row by row with plain Java: filters, group-by
 * on dimensions and tags, every time bucket, top-N with "Other", and team scoping.
 */
class QueryEngineTest extends AllocatorTestBase {

    private Path csv;
    private SyntheticFocusGenerator generator;
    private UsageTable table;
    private final QueryEngine engine = new QueryEngine();

    @BeforeEach
    void load() throws IOException {
        csv = temp.resolve("synthetic.csv");
        generator = SyntheticData.write(SyntheticData.spec(40, 30), csv);
        VersionManifest v = importCsv("synthetic", csv, ImportOptions.defaults().withBatchSize(1024))
                .version().orElseThrow();
        table = store.open("synthetic", v.versionId(), allocator);
        assertThat(table.batchCount()).as("several batches, so chunks and merges are exercised").isGreaterThan(8);
    }

    @AfterEach
    void close() {
        table.close();
    }

    @Test
    void groupsByServiceAndDay() throws IOException {
        QueryResult r = engine.run(table, UsageQuery.builder().groupBy("ServiceName").bucket(TimeBucket.DAY)
                .sum(Metric.EFFECTIVE_COST).build());
        Map<String, Double> expected = naive(rec -> true,
                rec -> rec.getField("ServiceName") + "|" + start(rec).truncatedTo(ChronoUnit.DAYS), "EffectiveCost");
        assertMatches(r, row -> row.keys().getFirst() + "|" + row.bucket(), expected);
    }

    @Test
    void everyBucketSizeAddsUp() throws IOException {
        for (TimeBucket b : TimeBucket.values()) {
            Function<Instant, String> key = switch (b) {
                case NONE -> t -> "null";
                case HOUR -> t -> t.toString();
                case DAY -> t -> t.truncatedTo(ChronoUnit.DAYS).toString();
                case WEEK -> t -> t.atZone(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY)
                        .atStartOfDay().toInstant(ZoneOffset.UTC).toString();
                case MONTH -> t -> t.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)
                        .atStartOfDay().toInstant(ZoneOffset.UTC).toString();
            };
            QueryResult r = engine.run(table, UsageQuery.builder().bucket(b).sum(Metric.BILLED_COST).build());
            Map<String, Double> expected = naive(rec -> true, rec -> key.apply(start(rec)), "BilledCost");
            assertMatches(r, row -> String.valueOf(row.bucket()), expected);
        }
    }

    @Test
    void filtersByTimeDimensionAndTagAndGroupsByTag() throws IOException {
        Instant from = SyntheticData.START.plus(3, ChronoUnit.DAYS);
        Instant to = SyntheticData.START.plus(10, ChronoUnit.DAYS);
        QueryResult r = engine.run(table, UsageQuery.builder().between(from, to)
                .where("ProviderName", "AWS", "Microsoft").whereTag("env", "prod")
                .groupBy(GroupKey.tag("team")).sum(Metric.EFFECTIVE_COST, Metric.CONSUMED_QUANTITY).build());
        Predicate<NamedCsvRecord> filter = rec -> !start(rec).isBefore(from) && start(rec).isBefore(to)
                && Set.of("AWS", "Microsoft").contains(rec.getField("ProviderName"))
                && "prod".equals(tag(rec, "env"));
        assertMatches(r, row -> row.keys().getFirst(), naive(filter, rec -> tag(rec, "team"), "EffectiveCost"));
        Map<String, Double> quantity = naive(filter, rec -> tag(rec, "team"), "ConsumedQuantity");
        for (QueryResult.Row row : r.rows()) {
            assertThat(row.values()[1]).isCloseTo(quantity.get(row.keys().getFirst()), within(1e-6));
        }
        assertThat(r.rowsMatched()).isLessThan(r.rowsScanned());
    }

    @Test
    void topNKeepsTheLargestAndSumsTheRestIntoOther() {
        QueryResult all = engine.run(table, UsageQuery.builder().groupBy("ResourceId").sum(Metric.EFFECTIVE_COST).build());
        QueryResult top = engine.run(table, UsageQuery.builder().groupBy("ResourceId").sum(Metric.EFFECTIVE_COST)
                .top(5, Metric.EFFECTIVE_COST).build());

        assertThat(top.rows()).hasSize(6);
        assertThat(top.rows().getLast().keys().getFirst()).isEqualTo(UsageQuery.OTHER);
        for (int i = 0; i < 5; i++) {
            assertThat(top.rows().get(i).keys()).isEqualTo(all.rows().get(i).keys());
        }
        assertThat(top.total(Metric.EFFECTIVE_COST)).isCloseTo(all.total(Metric.EFFECTIVE_COST), within(1e-6));
        double other = all.rows().subList(5, all.rows().size()).stream().mapToDouble(x -> x.values()[0]).sum();
        assertThat(top.rows().getLast().values()[0]).isCloseTo(other, within(1e-6));
    }

    @Test
    void teamScopeShowsOnlyThoseTeamsAndFiltersCannotWidenIt() throws IOException {
        TeamScope scope = new TeamScope("team", Set.of("vision", "search"));
        QueryResult r = engine.run(table, UsageQuery.builder().scope(scope).whereTag("team", "vision", "ml-research")
                .groupBy(GroupKey.tag("team")).sum(Metric.EFFECTIVE_COST).build());
        assertThat(r.rows()).extracting(row -> row.keys().getFirst()).containsExactly("vision");
        assertMatches(r, row -> row.keys().getFirst(),
                naive(rec -> "vision".equals(tag(rec, "team")), rec -> tag(rec, "team"), "EffectiveCost"));
    }

    @Test
    void plantedAnomaliesStandOutInDailyTeamCosts() {
        PlantedAnomaly a = generator.anomalies().getFirst();
        QueryResult r = engine.run(table, UsageQuery.builder().whereTag("team", a.team()).bucket(TimeBucket.DAY)
                .sum(Metric.EFFECTIVE_COST).build());
        double spike = r.rows().stream().filter(x -> x.bucket().equals(a.from())).findFirst().orElseThrow().values()[0];
        DayOfWeek weekday = a.from().atZone(ZoneOffset.UTC).getDayOfWeek();
        double usual = r.rows().stream().filter(x -> !x.bucket().equals(a.from()))
                .filter(x -> x.bucket().atZone(ZoneOffset.UTC).getDayOfWeek() == weekday)
                .mapToDouble(x -> x.values()[0]).average().orElseThrow();
        assertThat(spike).as("the same weekday in other weeks averages %.2f", usual).isGreaterThan(usual * 2);
    }

    @Test
    void theSameQueryGivesBitIdenticalResultsSequentialOrParallel() {
        UsageQuery q = UsageQuery.builder().groupBy("ServiceName", "RegionId").bucket(TimeBucket.WEEK)
                .sum(Metric.EFFECTIVE_COST, Metric.LIST_COST).build();
        QueryResult parallel = engine.run(table, q);
        QueryResult sequential = new QueryEngine(false).run(table, q);
        assertThat(parallel.rows()).hasSameSizeAs(sequential.rows());
        for (int i = 0; i < parallel.rows().size(); i++) {
            assertThat(parallel.rows().get(i).values()).containsExactly(sequential.rows().get(i).values());
        }
    }

    private static void assertMatches(QueryResult r, Function<QueryResult.Row, String> key, Map<String, Double> expected) {
        Map<String, Double> actual = new HashMap<>();
        r.rows().forEach(row -> actual.merge(key.apply(row), row.values()[0], Double::sum));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isCloseTo(v, within(1e-6)));
    }

    private Map<String, Double> naive(Predicate<NamedCsvRecord> filter, Function<NamedCsvRecord, String> key,
                                      String metric) throws IOException {
        Map<String, Double> out = new HashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord rec : reader) {
                if (filter.test(rec)) {
                    out.merge(key.apply(rec), Double.parseDouble(rec.getField(metric)), Double::sum);
                }
            }
        }
        return out;
    }

    private static Instant start(NamedCsvRecord rec) {
        return Instant.parse(rec.getField("ChargePeriodStart"));
    }

    private static String tag(NamedCsvRecord rec, String key) {
        return (String) UsageJson.parseObject(rec.getField("Tags")).get(key);
    }
}
