package dev.burnrate.engine.policy.extension;

import dev.burnrate.api.RuleFacts;
import dev.burnrate.engine.policy.PolicyInput;

/** The plugin API's view of what a policy judges: the same facts the built-in rule types read, no engine types. */
final class RuleFactsMapper {

    private RuleFactsMapper() {
    }

    static RuleFacts of(PolicyInput input) {
        return new RuleFacts(input.resource(), input.team(), input.project(), input.providerId(), input.region(),
                input.offering(), input.count(), input.purchaseOption(), input.hourlyCost(), input.expectedTotal(),
                input.p90Total(), input.currency(), input.duration(), input.dataClassification(), input.tags(),
                input.encryptedAtRest(), input.encryptedInTransit(), input.privateNetwork(), input.checkpointing(),
                input.deadlineCritical());
    }
}
