package dev.burnrate.engine.usage.synth;

import java.time.Instant;

/** A cost spike the generator planted: every row of {@code team} in {@code [from, to)} costs {@code factor} times. */
public record PlantedAnomaly(String team, Instant from, Instant to, double factor) {
}
