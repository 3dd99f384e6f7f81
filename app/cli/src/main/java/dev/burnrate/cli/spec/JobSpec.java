package dev.burnrate.cli.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A job as {@code job.yaml} describes it: the JSON body of {@code POST /api/v1/estimates} and
 * {@code POST /api/v1/policy/evaluations}. Fields left out stay out of the request, so the portal applies its own
 * defaults. Hours are a decimal so that {@code 72} goes out as {@code 72}, not {@code 72.0}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(
        String kind,
        String team,
        String project,
        String name,
        String provider,
        String region,
        String accelerator,
        Integer acceleratorCount,
        String instanceType,
        BigDecimal hours,
        String purchaseOption,
        Boolean checkpointing,
        Boolean deadlineCritical,
        String dataClassification,
        Boolean encrypted,
        Boolean privateNetwork,
        Map<String, String> tags) {
}
