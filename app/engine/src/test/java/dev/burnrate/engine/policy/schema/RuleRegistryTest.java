package dev.burnrate.engine.policy.schema;

import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.RuleType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleRegistryTest {

    private static final RuleType MAX_COUNT = new RuleType("max_count", "At most n instances per request.",
            ObjectSchema.of(FieldSpec.required("max", FieldType.INTEGER, "instances").atLeast(1)),
            (id, config) -> new Rule() {
                private final int max = (int) config.number("max", 1);

                @Override
                public String id() {
                    return id;
                }

                @Override
                public String type() {
                    return "max_count";
                }

                @Override
                public List<Finding> check(dev.burnrate.engine.policy.PolicyInput input,
                                           dev.burnrate.engine.policy.EvaluationContext context) {
                    return input.count() <= max ? List.of() : List.of(Finding.of(RuleAction.DENY, "too-many",
                            "at most " + max, dev.burnrate.engine.policy.Evidence.builder()));
                }
            });

    @Test
    void theStandardRegistryHasEveryBuiltInTypeWithASchema() {
        RuleRegistry registry = RuleRegistry.standard();

        assertThat(registry.names()).containsExactly("allowed_hardware", "budget", "data_residency", "encryption",
                "hipaa", "max_hourly_cost", "no_spot_for_deadline_critical", "private_networking", "required_tags",
                "spot_requires_checkpointing");
        assertThat(registry.types()).allSatisfy(type -> {
            assertThat(type.description()).isNotBlank();
            assertThat(type.schema().fields()).isNotEmpty();
        });
    }

    @Test
    void anotherTypeCanBeRegisteredAndIsValidatedLikeTheBuiltIns() throws Exception {
        RuleRegistry registry = RuleRegistry.standard().with(MAX_COUNT);
        PolicyParser parser = new PolicyParser(registry);

        Policy policy = parser.parse("id: c\nname: C\nrules:\n  - type: max_count\n    max: 4\n", 1);
        assertThat(policy.rules()).extracting(Rule::type).containsExactly("max_count");
        assertThatThrownBy(() -> parser.parse("id: c\nname: C\nrules:\n  - type: max_count\n    max: 2.5\n", 1))
                .hasMessage("line 5, column 10 (rules[0].max): expected a whole number but found '2.5'");
        assertThatThrownBy(() -> new PolicyParser(RuleRegistry.standard())
                .parse("id: c\nname: C\nrules:\n  - type: max_count\n    max: 4\n", 1))
                .hasMessageContaining("unknown rule type 'max_count'");
    }

    @Test
    void aNameCannotBeRegisteredTwice() {
        assertThatThrownBy(() -> RuleRegistry.standard().with(MAX_COUNT).with(MAX_COUNT))
                .hasMessage("rule type 'max_count' is already registered");
    }
}
