package dev.burnrate.portal.anomaly;

import static dev.burnrate.portal.db.Tables.ANOMALY_MONITORS;

import dev.burnrate.portal.demo.DemoDataContributor;
import java.math.BigDecimal;
import java.time.Clock;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: a "Daily spend" monitor for every team (at least $50 and 20% above expected), then one detection run,
 * so the demo's planted spikes are on /anomalies from the start.
 */
@Component
class AnomalyDemoData implements DemoDataContributor {

    private final AnomalyRepository anomalies;
    private final AnomalyDetectionJob job;
    private final TransactionTemplate tx;
    private final Clock clock;

    AnomalyDemoData(AnomalyRepository anomalies, AnomalyDetectionJob job, TransactionTemplate tx, Clock clock) {
        this.anomalies = anomalies;
        this.job = job;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String name() {
        return "anomaly monitors";
    }

    @Override
    public void load() {
        tx.executeWithoutResult(s -> anomalies.teams(DSL.trueCondition()).forEach((teamId, team) -> {
            if (anomalies.monitors(ANOMALY_MONITORS.TEAM_ID.eq(teamId)).isEmpty()) {
                anomalies.insertMonitor(teamId, "Daily spend", new BigDecimal("50"), new BigDecimal("20"), "system",
                        clock.instant());
            }
        }));
        job.detect();
    }
}
