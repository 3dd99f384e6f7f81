package dev.burnrate.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.metrics.CostSnapshot.Value;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The cost gauges read the last refresh: scrapes never recompute, and a failed refresh keeps the last figures. */
class CostMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private int reads;
    private Supplier<CostSnapshot> next;

    private final CostFigures figures = new CostFigures(null, null, null, null, null, null) {
        @Override
        CostSnapshot read() {
            reads++;
            return next.get();
        }
    };

    private final CostMetrics metrics = new CostMetrics(figures, registry, null, Duration.ZERO, Duration.ofMinutes(5));

    private static CostSnapshot snapshot(Map<String, Double> spendByTeam) {
        Map<String, List<Value>> series = new LinkedHashMap<>();
        CostFigures.NAMES.forEach(name -> series.put(name, new ArrayList<>()));
        spendByTeam.forEach((team, spend) -> series.get(CostFigures.TEAM_SPEND)
                .add(new Value(List.of("team", team, "currency", "USD"), spend)));
        return new CostSnapshot(Instant.parse("2026-12-07T10:00:00Z"), series);
    }

    private List<Gauge> teamSpend() {
        return List.copyOf(registry.find(CostFigures.TEAM_SPEND).gauges());
    }

    private double spendOf(String team) {
        return registry.get(CostFigures.TEAM_SPEND).tag("team", team).tag("currency", "USD").gauge().value();
    }

    @Test
    void scrapesReadTheLastRefreshWithoutRecomputing() {
        next = () -> snapshot(Map.of("ml-research", 1234.5, "vision", 10.0));
        metrics.refresh();
        for (int scrape = 0; scrape < 5; scrape++) {
            assertThat(spendOf("ml-research")).isEqualTo(1234.5);
        }
        assertThat(reads).isEqualTo(1);
        assertThat(registry.get("burnrate.cost.metrics.refreshed").gauge().value())
                .isEqualTo(Instant.parse("2026-12-07T10:00:00Z").getEpochSecond());

        next = () -> snapshot(Map.of("ml-research", 2000.0));
        metrics.refresh();
        assertThat(spendOf("ml-research")).isEqualTo(2000.0);
        assertThat(teamSpend()).as("a team that is gone is dropped").hasSize(1);
    }

    @Test
    void aFailedRefreshKeepsTheLastFigures() {
        next = () -> snapshot(Map.of("ml-research", 99.0));
        metrics.refresh();
        next = () -> {
            throw new IllegalStateException("database down");
        };
        metrics.refresh();
        assertThat(spendOf("ml-research")).isEqualTo(99.0);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void beforeTheFirstRefreshThereAreNoCostSeries() {
        assertThat(teamSpend()).isEmpty();
        assertThat(registry.get("burnrate.cost.metrics.refreshed").gauge().value()).isNaN();
    }
}
