package dev.burnrate.portal.anomaly;

import static dev.burnrate.portal.db.Tables.ALERTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageImportService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Feedback stops repeat alerts for the same cause, in the running portal: a spike of one resource raises one alert;
 * once someone marks it expected, the same resource's next spike is stored as expected and alerts nobody, while a
 * spike of another resource alerts again.
 */
class AnomalyFeedbackIT extends BrowserTestBase {

    private static final String TEAM = "platform";

    @Autowired
    ApplicationContext app;
    @Autowired
    UsageImportService imports;
    @Autowired
    AnomalyDetectionJob job;
    @Autowired
    AnomalyService anomalies;
    @Autowired
    DSLContext dsl;

    private final String dataset = "feedback-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(60, ChronoUnit.DAYS);

    /** 50 a day on each of two resources; a spike day adds {@code extra} on the given resource. */
    private List<UsageRecord> days(int from, int to, int spikeDay, String resourceOfSpike, double extra) {
        List<UsageRecord> rows = new ArrayList<>();
        for (int d = from; d < to; d++) {
            Instant day = start.plus(d, ChronoUnit.DAYS);
            for (String resource : List.of("i-train", "i-serve")) {
                double cost = 50 + (d == spikeDay && resource.equals(resourceOfSpike) ? extra : 0);
                rows.add(new UsageRecord("acct-1", "acct-1", day, day.plus(1, ChronoUnit.DAYS), "Usage", "compute",
                        "Standard", cost, cost, cost, cost, "USD", 24, "Hours", 24, "Hours", "AWS",
                        "Amazon Elastic Compute Cloud", "Compute", "us-east-1", resource, resource, "instance",
                        "sku-1", Map.of("team", TEAM)));
            }
        }
        return rows;
    }

    private int anomalyAlerts() {
        return dsl.fetchCount(ALERTS, ALERTS.KIND.eq("ANOMALY").and(ALERTS.SUBJECT.like("anomaly:%"))
                .and(ALERTS.MESSAGE.like("%" + dataset + "%")));
    }

    private void append(List<UsageRecord> rows) {
        SystemRunner.runAsSystem(() -> imports.appendOrCreate(dataset, "feedback test", rows, "test", "team", false));
    }

    private List<StoredAnomaly> ofThisDataset() {
        return RunAs.user(app, "admin", () -> anomalies.page(Set.of(), 0, 500), Role.ADMIN).stream()
                .filter(a -> a.seriesLabel().contains(dataset)).toList();
    }

    @Test
    void aVerdictSilencesTheSameCauseButNotAnother() {
        // Spikes are 13 days apart and each larger than the last: the detector damps a repeat within days of a
        // spike, and this test is about feedback, not damping.
        append(days(0, 31, 30, "i-train", 2_000));
        job.detect();
        List<StoredAnomaly> first = ofThisDataset();
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.periodStart()).isEqualTo(start.plus(30, ChronoUnit.DAYS));
            assertThat(a.causes().getFirst().key()).isEqualTo("ResourceId=i-train");
            assertThat(a.status()).isEqualTo(AnomalyStatus.NEW);
        });
        assertThat(anomalyAlerts()).isEqualTo(1);

        RunAs.user(app, "admin", () -> anomalies.setStatus(first.getFirst().id(), AnomalyStatus.EXPECTED,
                "nightly retraining"), Role.ADMIN);

        append(days(31, 44, 43, "i-train", 5_000));
        job.detect();
        StoredAnomaly repeat = at(43);
        assertThat(repeat.causes().getFirst().key()).isEqualTo("ResourceId=i-train");
        assertThat(repeat.status()).isEqualTo(AnomalyStatus.EXPECTED);
        assertThat(repeat.fromFeedback()).isTrue();
        assertThat(anomalyAlerts()).as("the same cause again: no alert").isEqualTo(1);

        append(days(44, 57, 56, "i-serve", 12_000));
        job.detect();
        StoredAnomaly other = at(56);
        assertThat(other.causes().getFirst().key()).isEqualTo("ResourceId=i-serve");
        assertThat(other.status()).isEqualTo(AnomalyStatus.NEW);
        assertThat(anomalyAlerts()).as("another cause alerts").isEqualTo(2);
    }

    private StoredAnomaly at(int day) {
        return ofThisDataset().stream().filter(a -> a.periodStart().equals(start.plus(day, ChronoUnit.DAYS)))
                .findFirst().orElseThrow(() -> new AssertionError("no anomaly on day " + day + ": "
                        + ofThisDataset()));
    }
}
