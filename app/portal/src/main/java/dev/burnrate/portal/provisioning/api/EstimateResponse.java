package dev.burnrate.portal.provisioning.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A job's estimate on every matching offering, cheapest expected total first (then provider, region, instance
 * type). The same spec on the same price catalog gives the same answer, byte for byte.
 */
@Schema(description = "Estimates of one job per matching offering",
        requiredProperties = {"priceCatalogVersion", "spec", "offerings"})
public record EstimateResponse(String priceCatalogVersion, JobSpec spec, List<OfferingEstimateView> offerings) {
}
