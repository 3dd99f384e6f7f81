package dev.burnrate.portal.provisioning.api;

import dev.burnrate.api.PurchaseOption;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A training job or an inference service as a pipeline describes it (the CLI reads the same fields from YAML):
 * the body of estimates, policy evaluations and provisioning requests. Omitted fields take the defaults named.
 */
@Schema(description = "A training run or an inference service to estimate, check or request")
public record JobSpec(
        @Schema(description = "training (a run of planned hours) or inference (an endpoint that runs until stopped)",
                allowableValues = {"training", "inference"}, requiredMode = Schema.RequiredMode.REQUIRED)
        String kind,
        @Schema(description = "The team that pays; required for checks and requests, estimates default to the"
                + " caller's first team") String team,
        @Schema(description = "Optional project") String project,
        @Schema(description = "Name of the job, lower-case letters, digits and '-' (default api-job)") String name,
        @Schema(description = "Cloud provider id, e.g. aws; estimates: all providers when omitted") String provider,
        @Schema(description = "Region id; estimates: all regions when omitted; required for checks") String region,
        @Schema(description = "GPU/TPU type as the hardware catalog or the provider names it, e.g. H100")
        String accelerator,
        @Schema(description = "Accelerators in total (instances = ceil(count / per instance)); default one"
                + " instance") Integer acceleratorCount,
        @Schema(description = "Pins the offering, e.g. p5.48xlarge") String instanceType,
        @Schema(description = "Planned hours (training); inference: omitted = runs until stopped, priced per"
                + " 730-hour month") Double hours,
        @Schema(description = "How to buy it (default ON_DEMAND)") PurchaseOption purchaseOption,
        @Schema(description = "Whether the run checkpoints (default: true for training)") Boolean checkpointing,
        @Schema(description = "Whether a deadline depends on it (default: false for training, true for inference)")
        Boolean deadlineCritical,
        @Schema(description = "public, internal, confidential, personal-eu or phi") String dataClassification,
        @Schema(description = "Storage encrypted (default false)") Boolean encrypted,
        @Schema(description = "No public addresses (default false)") Boolean privateNetwork,
        @Schema(description = "Tags for cost allocation") Map<String, String> tags) {

    public JobSpec {
        // sorted, so the same spec always reads (and hashes) the same
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
