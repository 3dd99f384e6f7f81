package dev.burnrate.portal.placement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The feasible offerings for a job, cheapest per job first, and those left out with their reasons. */
public record PlacementRanking(List<Placement> feasible, List<Exclusion> excluded) {

    public PlacementRanking {
        feasible = List.copyOf(feasible);
        excluded = List.copyOf(excluded);
    }

    /** How many offerings each reason left out, most common first (what a panel shows instead of a long list). */
    public Map<String, Long> exclusionCounts() {
        Map<String, Long> counts = excluded.stream().collect(Collectors.groupingBy(Exclusion::reason, TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** The first {@code n} feasible offerings. */
    public List<Placement> cheapest(int n) {
        return feasible.subList(0, Math.min(n, feasible.size()));
    }
}
