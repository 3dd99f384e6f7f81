package dev.burnrate.engine.timeseries;

import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a bucketed explorer query's result (any filters, scope and grouping) into a {@link SeriesBatch}: one
 * series per group, aligned on a common hourly or daily axis from {@code from} (inclusive) to {@code to}
 * (exclusive), each truncated to the bucket.
 */
public final class SeriesBatches {

    private SeriesBatches() {
    }

    /**
     * @param result a result bucketed by {@link TimeBucket#HOUR} or {@link TimeBucket#DAY}
     * @param metric the metric to take; it must be one of the result's metrics
     * @param gaps   what a step without rows becomes
     */
    public static SeriesBatch from(QueryResult result, Metric metric, Instant from, Instant to, GapPolicy gaps) {
        Duration step = stepOf(result.bucket());
        int metricIndex = result.metrics().indexOf(metric);
        if (metricIndex < 0) {
            throw new IllegalArgumentException("the result has no " + metric + " (it has " + result.metrics() + ")");
        }
        ChronoUnit unit = result.bucket() == TimeBucket.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant start = from.truncatedTo(unit);
        Instant end = to.truncatedTo(unit).equals(to) ? to : to.truncatedTo(unit).plus(step);
        long steps = Duration.between(start, end).dividedBy(step);
        if (steps < 0 || steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot align " + from + " .. " + to + " in steps of " + step);
        }
        int length = (int) steps;

        Map<List<String>, Integer> seriesOf = new LinkedHashMap<>();
        for (QueryResult.Row row : result.rows()) {
            seriesOf.putIfAbsent(row.keys(), seriesOf.size());
        }
        double[] values = new double[seriesOf.size() * length];
        Arrays.fill(values, gaps == GapPolicy.ZERO ? 0.0 : Double.NaN);
        for (QueryResult.Row row : result.rows()) {
            long t = Duration.between(start, row.bucket()).dividedBy(step);
            if (row.bucket().isBefore(start) || t >= length) {
                continue;
            }
            int index = seriesOf.get(row.keys()) * length + (int) t;
            double v = row.value(metricIndex);
            values[index] = Double.isNaN(values[index]) ? v : values[index] + v;
        }
        return new SeriesBatch(new ArrayList<>(seriesOf.keySet()), start, step, length, values);
    }

    private static Duration stepOf(TimeBucket bucket) {
        return switch (bucket) {
            case HOUR -> Duration.ofHours(1);
            case DAY -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException(
                    "series need an hourly or daily bucket, not " + bucket);
        };
    }
}
