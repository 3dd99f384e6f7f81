package dev.burnrate.engine.policy.continuous;

import java.util.List;
import java.util.Set;

/**
 * @param newAlerts  alerts whose key was not raised before, to store and send
 * @param activeKeys every problem present now (new or not); keys raised before and missing here have cleared
 */
public record ScanResult(List<Alert> newAlerts, Set<String> activeKeys) {
    public ScanResult {
        newAlerts = List.copyOf(newAlerts);
        activeKeys = Set.copyOf(activeKeys);
    }
}
