package dev.burnrate.portal.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The cost figures the metrics endpoint shows, as of one refresh. Every money figure carries its currency as a label:
 * figures in different currencies are separate series and never added up.
 *
 * @param series per metric name, its labelled values
 */
record CostSnapshot(Instant takenAt, Map<String, List<Value>> series) {

    /** One labelled value; labels alternate name and value. */
    record Value(List<String> labels, double value) {
    }
}
