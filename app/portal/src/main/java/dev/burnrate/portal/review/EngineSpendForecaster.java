package dev.burnrate.portal.review;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.forecast.Forecaster;
import dev.burnrate.engine.forecast.ModelRecord;
import dev.burnrate.engine.forecast.SeriesForecast;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.forecast.ForecastService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The engine's forecaster (models chosen per series by rolling-origin validation) on the calibrated backend. */
@Component
class EngineSpendForecaster implements SpendForecaster {

    private final ComputeService compute;
    private final Clock clock;

    EngineSpendForecaster(ComputeService compute, Clock clock) {
        this.compute = compute;
        this.clock = clock;
    }

    @Override
    public List<Band> forecast(List<double[]> dailyHistory, int horizon) {
        List<SeriesForecast> forecasts;
        try {
            forecasts = new Forecaster(compute.router(), clock).forecast(dailyHistory,
                    ForecastService.seasonsOf(TimeBucket.DAY), horizon);
        } catch (KernelException e) {
            throw new IllegalStateException("The forecast kernels failed: " + e.getMessage(), e);
        }
        List<Band> bands = new ArrayList<>();
        for (SeriesForecast f : forecasts) {
            bands.add(new Band(sum(f.p10()), sum(f.point()), sum(f.p90()), describe(f.model())));
        }
        return bands;
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    static String describe(ModelRecord model) {
        return model.components().isEmpty() ? model.family()
                : model.family() + " of " + String.join(", ", model.components());
    }
}
