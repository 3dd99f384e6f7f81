package dev.burnrate.plugins.policypack;

import dev.burnrate.api.RuleFacts;
import dev.burnrate.api.RuleFinding;
import dev.burnrate.api.RuleParameter;
import dev.burnrate.api.RuleTypeProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Policy rule type {@code max_gpus_per_request}: at most {@code max_gpus} accelerators in one request (all its
 * instances together), optionally counting only some accelerator models.
 *
 * <pre>
 * - type: max_gpus_per_request
 *   max_gpus: 8
 *   accelerators: [H100, H200]     # optional: count only these models
 *   action: require_approval
 * </pre>
 */
@Extension
public class MaxGpusPerRequestRule implements RuleTypeProvider {

    @Override
    public String id() {
        return "max-gpus-per-request";
    }

    @Override
    public String displayName() {
        return "Max GPUs per request";
    }

    @Override
    public String ruleType() {
        return "max_gpus_per_request";
    }

    @Override
    public String description() {
        return "At most this many accelerators in one request, all its instances together.";
    }

    @Override
    public List<RuleParameter> parameters() {
        return List.of(
                RuleParameter.required("max_gpus", RuleParameter.Type.INTEGER, "accelerators allowed per request"),
                RuleParameter.optional("accelerators", RuleParameter.Type.STRING_LIST,
                        "count only these accelerator models (all when empty)", null));
    }

    @Override
    public List<String> validate(Map<String, Object> parameters) {
        Object max = parameters.get("max_gpus");
        return max instanceof Long value && value >= 1 ? List.of() : List.of("max_gpus must be at least 1");
    }

    @Override
    public List<RuleFinding> evaluate(Map<String, Object> parameters, RuleFacts facts) {
        long max = (Long) parameters.get("max_gpus");
        @SuppressWarnings("unchecked")
        List<String> models = (List<String>) parameters.getOrDefault("accelerators", List.of());
        if (facts.offering() == null || !facts.offering().hasAccelerator()) {
            return List.of();
        }
        String model = facts.offering().acceleratorName();
        if (!models.isEmpty() && models.stream().noneMatch(model::equalsIgnoreCase)) {
            return List.of();
        }
        int gpus = facts.totalAccelerators();
        if (gpus <= max) {
            return List.of();
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("accelerator", model);
        evidence.put("gpus_requested", String.valueOf(gpus));
        evidence.put("max_gpus", String.valueOf(max));
        evidence.put("instances", String.valueOf(facts.count()));
        return List.of(new RuleFinding("too-many-gpus", "The request asks for " + gpus + " " + model
                + " accelerators (" + facts.count() + " × " + facts.offering().instanceType() + "); at most " + max
                + " are allowed per request.", evidence));
    }
}
