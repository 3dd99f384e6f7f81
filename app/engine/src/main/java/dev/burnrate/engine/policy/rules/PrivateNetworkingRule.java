package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.EvaluationContext;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.schema.ObjectSchema;

import java.util.List;

/** Resources must run without public IPs, inside a private network the region offers. */
public record PrivateNetworkingRule(String id, RuleAction action) implements Rule {

    public static final RuleType TYPE = new RuleType("private_networking",
            "Private networking (no public IPs) required.",
            ObjectSchema.of(RuleFields.action(RuleAction.DENY)),
            (id, config) -> new PrivateNetworkingRule(id, RuleFields.action(config, RuleAction.DENY)));

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        if (!input.privateNetwork()) {
            return List.of(Finding.of(action, "public-network",
                    "Private networking is required; request the resource without public IPs.",
                    RuleFields.where(input).put("private_network", false)));
        }
        if (!input.region().compliance().privateNetworking()) {
            return List.of(Finding.of(action, "private-network-unsupported",
                    "Private networking is required, and " + input.providerId() + " does not offer it in "
                            + input.region().id() + ".",
                    RuleFields.where(input).put("region_private_networking", false)));
        }
        return List.of();
    }
}
