package dev.burnrate.portal.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Server round-trips of Vaadin requests (the browser's request start to the end of the response), collected from
 * many user threads. Percentiles are nearest-rank over every sample.
 */
final class RoundTrips {

    private final List<Double> millis = new ArrayList<>();
    private int failures;

    synchronized void record(double roundTripMillis) {
        millis.add(roundTripMillis);
    }

    synchronized void failed() {
        failures++;
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized int failures() {
        return failures;
    }

    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    synchronized String summary() {
        return String.format(Locale.ROOT, "%d round-trips, %d failed; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                count(), failures, percentile(50), percentile(95), percentile(99), percentile(100));
    }
}
