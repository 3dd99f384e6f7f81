package dev.burnrate.portal.metrics;

import dev.burnrate.api.ComputeBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Timers of long operations: imports ({@code burnrate_import_duration_seconds}) and kernel runs. */
@Component
public class OperationMetrics {

    private final MeterRegistry registry;

    OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs an import and times it, tagged with the outcome {@code outcome} names (or {@code error}). */
    public <T> T timeImport(Supplier<T> work, Function<T, String> outcome) {
        Timer.Sample sample = Timer.start(registry);
        String tag = "error";
        try {
            T result = work.get();
            tag = outcome.apply(result).toLowerCase(Locale.ROOT);
            return result;
        } finally {
            sample.stop(Timer.builder("burnrate.import.duration")
                    .description("Usage imports (FOCUS and provider billing files), by outcome")
                    .tag("outcome", tag).register(registry));
        }
    }

    /** The backend with its kernel launches timed. */
    public ComputeBackend timed(ComputeBackend backend) {
        return backend instanceof TimedComputeBackend ? backend : new TimedComputeBackend(backend, registry);
    }
}
