package dev.burnrate.portal.anomaly.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new status for an anomaly.
 *
 * @param status NEW, ACKNOWLEDGED, EXPECTED or FALSE_ALARM (EXPECTED and FALSE_ALARM silence the same cause later)
 * @param note   optional, at most 1,000 characters
 */
@Schema(name = "AnomalyStatusChange")
public record StatusChange(String status, String note) {
}
