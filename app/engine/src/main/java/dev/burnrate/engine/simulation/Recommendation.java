package dev.burnrate.engine.simulation;

import java.util.List;

/** The option Burnrate recommends and, in plain sentences, why. */
public record Recommendation(ComparisonRow choice, List<String> reasons) {

    public Recommendation {
        reasons = List.copyOf(reasons);
    }
}
