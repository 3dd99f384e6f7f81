package dev.burnrate.portal.provisioning.api;

import dev.burnrate.portal.provisioning.DraftInvalid;
import dev.burnrate.portal.provisioning.OfferingEstimates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a job would cost on each offering that can run it: the pipeline's question before it starts one. */
@RestController
@RequestMapping("/api/v1/estimates")
@Tag(name = "Estimates", description = "Cost of a training run or an inference service per offering")
public class EstimateController {

    private final OfferingEstimates estimates;
    private final JobSpecs specs;

    public EstimateController(OfferingEstimates estimates, JobSpecs specs) {
        this.estimates = estimates;
        this.specs = specs;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_estimate')")
    @Operation(summary = "Estimate a job on every matching offering",
            description = "Per offering the simulated distribution of the total (expected, P50, P90): spot runs"
                    + " with planned hours are simulated (interruptions, lost work since the last checkpoint,"
                    + " restarts), everything else is list-price arithmetic. Sorted by expected cost, then provider,"
                    + " region and instance type; deterministic for the same spec and price catalog version.")
    public EstimateResponse estimate(@RequestBody JobSpec spec) {
        JobSpec normalized = specs.normalized(spec, spec.team() != null ? null : estimates.firstTeam().orElse(null));
        String version = estimates.priceCatalogVersion();
        var offerings = estimates.estimate(specs.job(normalized)).stream()
                .map(e -> OfferingEstimateView.of(e.offering(), e.instances(), normalized.purchaseOption(),
                        e.estimate()))
                .toList();
        if (offerings.isEmpty()) {
            // an empty table would read as "free" in a pipeline log: say which part of the spec found nothing
            throw new DraftInvalid(List.of(new DraftInvalid.FieldError(normalized.instanceType() != null
                    ? "instanceType" : "accelerator", "No offering of the catalog fits this job (provider, region,"
                    + " accelerator, instanceType, purchaseOption and at most " + OfferingEstimates.MAX_INSTANCES
                    + " instances)")));
        }
        return new EstimateResponse(version, normalized, offerings);
    }
}
