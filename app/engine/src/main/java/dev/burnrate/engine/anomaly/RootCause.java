package dev.burnrate.engine.anomaly;

import java.util.List;

/**
 * One child's part in a parent's anomaly at a step: its actual and expected cost, the dollar impact (actual minus
 * expected) and its share of the parent's deviation (impacts of all children add up to the parent's deviation
 * when the parent is their sum and every child has a baseline).
 */
public record RootCause(List<String> key, double actual, double expected, double impact, double share) {
}
