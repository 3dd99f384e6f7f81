package dev.burnrate.portal.simulation;

import java.util.List;

/**
 * An inference load curve read from usage data: per hour, the summed {@code ConsumedQuantity} of the rows in one
 * {@code ConsumedUnit} (only rows whose {@code filterColumn} is {@code filterValue}, when both are set) on the
 * newest version of a dataset, over whole UTC days from {@code fromDate} to {@code toDate} inclusive. With
 * {@code requestsPerUnit} each unit is that many requests (1 for a unit counting requests; 1 / tokens per request
 * for a unit counting tokens); without it only the series' shape counts, scaled so that its busiest hour has the
 * form's peak requests/s (for a series such as serving instance-hours).
 *
 * @param fromDate first day, ISO {@code yyyy-mm-dd} (strings, so saved scenarios stay plain JSON)
 * @param toDate   last day, ISO {@code yyyy-mm-dd}
 */
public record UsageLoad(String dataset, String consumedUnit, String filterColumn, String filterValue,
                        String fromDate, String toDate, Double requestsPerUnit) {

    /** The dimension columns a usage load may be narrowed by. */
    public static final List<String> FILTER_COLUMNS = List.of("ServiceName", "ServiceCategory", "ResourceName",
            "ResourceId", "RegionId", "SubAccountName");

    public boolean filtered() {
        return filterColumn != null && !filterColumn.isBlank() && filterValue != null && !filterValue.isBlank();
    }
}
