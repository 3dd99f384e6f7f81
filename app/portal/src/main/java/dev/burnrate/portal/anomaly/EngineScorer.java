package dev.burnrate.portal.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.anomaly.AnomalyDetector;
import dev.burnrate.engine.anomaly.AnomalyScores;
import dev.burnrate.engine.timeseries.SeriesBatch;
import dev.burnrate.portal.compute.ComputeService;
import org.springframework.stereotype.Component;

/**
 * Scores with the engine's streaming detector on the backend the compute calibration chose for it. Cost series are
 * daily, so a series speaks after two weeks of history rather than NAB's hundred points.
 */
@Component
class EngineScorer implements PointScorer {

    static final int WARMUP_DAYS = 14;

    private final ComputeService compute;

    EngineScorer(ComputeService compute) {
        this.compute = compute;
    }

    @Override
    public Scored score(SeriesBatch batch) {
        try {
            AnomalyScores scores = new AnomalyDetector(compute.router(), WARMUP_DAYS).score(batch);
            return new Scored(scores.score(), scores.expected());
        } catch (KernelException e) {
            throw new IllegalStateException("The anomaly-score kernel failed on " + batch.count() + " series: "
                    + e.getMessage(), e);
        }
    }
}
