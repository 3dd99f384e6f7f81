package dev.burnrate.engine.usage.synth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param seed      everything follows from it: the same spec gives the same bytes
 * @param start     first hour (truncated to the hour)
 * @param days      how many days of hourly rows
 * @param resources how many resources (instances) exist over the period
 * @param teams     team names, written as the {@code team} tag
 * @param skus      what the resources run on
 * @param anomalies how many anomalies to plant (cost spikes of one team for a day)
 */
public record GeneratorSpec(long seed, Instant start, int days, int resources, List<String> teams, List<SkuSpec> skus,
                            int anomalies) {

    public GeneratorSpec {
        Objects.requireNonNull(start, "start");
        start = start.truncatedTo(ChronoUnit.HOURS);
        teams = List.copyOf(teams);
        skus = List.copyOf(skus);
        if (days < 1 || resources < 1 || teams.isEmpty() || skus.isEmpty() || anomalies < 0) {
            throw new IllegalArgumentException("days, resources, teams and skus must be positive");
        }
    }

    public static final List<String> DEFAULT_TEAMS = List.of("ml-research", "inference", "data-platform",
            "recommendations", "vision", "search");

    /** A spec of about {@code rows} rows (resources are on most of the time). */
    public static GeneratorSpec ofRows(long seed, Instant start, long rows) {
        int days = 30;
        // About 64% of resource-hours are active (measured on the default mix), hence the divisor.
        int resources = (int) Math.max(1, Math.ceil(rows / (days * 24 * 0.637)));
        return new GeneratorSpec(seed, start, days, resources, DEFAULT_TEAMS, SkuSpec.defaults(), 3);
    }
}
