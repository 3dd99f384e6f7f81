package dev.burnrate.portal.usage.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The cost explorer's question as JSON. Every part but {@code dataset} is optional.
 *
 * @param version a version id of the dataset; its newest version when omitted
 * @param from    inclusive lower bound on ChargePeriodStart (ISO-8601 instant)
 * @param to      exclusive upper bound on ChargePeriodStart
 * @param groupBy FOCUS dimension columns (e.g. ServiceName) or {@code tag:<key>} (e.g. tag:team)
 * @param filters a dimension or {@code tag:<key>} to the values allowed (values of one filter OR, filters AND)
 * @param bucket  NONE (default), HOUR, DAY, WEEK or MONTH, by ChargePeriodStart in UTC
 * @param metric  BilledCost, EffectiveCost (default), ListCost, ContractedCost or ConsumedQuantity
 * @param top     keep the N largest groups and sum the rest into "Other"; 0 or omitted keeps all
 */
@Schema(name = "UsageQuery")
public record QueryRequest(String dataset, String version, Instant from, Instant to, List<String> groupBy,
                           Map<String, List<String>> filters, String bucket, String metric, Integer top) {
}
