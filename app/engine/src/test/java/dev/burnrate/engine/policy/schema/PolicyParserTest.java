package dev.burnrate.engine.policy.schema;

import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyMode;
import dev.burnrate.engine.policy.PolicyScope;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.engine.policy.budget.BudgetThreshold;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyParserTest {
    private final PolicyParser parser = new PolicyParser(RuleRegistry.standard());

    private List<PolicyError> errors(String yaml) {
        return catchThrowableOfType(PolicyValidationException.class, () -> parser.parse(yaml, 1)).errors();
    }

    @Test
    void aCompletePolicyParsesWithDefaults() throws Exception {
        Policy policy = parser.parse("""
                id: ml-guardrails
                name: ML guardrails
                description: Budget and spot discipline for the ML teams.
                scope:
                  team: [ml-research, ml-platform]
                mode: audit
                rules:
                  - type: budget
                    period: month
                    amount: 1_000_000
                    thresholds:
                      - {at: 80, action: require_approval}
                      - {at: 100, action: deny}
                  - type: spot_requires_checkpointing
                  - type: spot_requires_checkpointing
                    id: second-spot-rule
                    action: notify
                """, 3);

        assertThat(policy.id()).isEqualTo("ml-guardrails");
        assertThat(policy.version()).isEqualTo(3);
        assertThat(policy.mode()).isEqualTo(PolicyMode.AUDIT);
        assertThat(policy.scope()).isEqualTo(PolicyScope.teams("ml-research", "ml-platform"));
        assertThat(policy.rules()).extracting(Rule::id)
                .containsExactly("budget", "spot_requires_checkpointing", "second-spot-rule");
        BudgetRule budget = (BudgetRule) policy.rules().getFirst();
        assertThat(budget.amount()).isEqualTo(1_000_000.0);
        assertThat(budget.scope().yamlName()).isEqualTo("team");
        assertThat(budget.thresholds()).extracting(BudgetThreshold::percent).containsExactly(80.0, 100.0);
        assertThat(policy.source()).contains("ml-guardrails");
    }

    @Test
    void scopeAndModeDefaultToAllAndEnforce() throws Exception {
        Policy policy = parser.parse("id: p\nname: P\nrules:\n  - type: private_networking\n", 0);

        assertThat(policy.scope()).isEqualTo(PolicyScope.all());
        assertThat(policy.mode()).isEqualTo(PolicyMode.ENFORCE);
    }

    @Test
    void anUnknownRuleTypeIsRefusedAtItsLine() {
        List<PolicyError> errors = errors("""
                id: p
                name: P
                rules:
                  - type: encryption
                  - type: gpu_quota
                    max: 8
                """);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.column()).isEqualTo(11);
            assertThat(e.path()).isEqualTo("rules[1].type");
            assertThat(e.message()).contains("unknown rule type 'gpu_quota'", "budget", "data_residency");
        });
    }

    @Test
    void everySchemaErrorIsReportedWithLineColumnAndPath() {
        List<PolicyError> errors = errors("""
                id: Bad Id
                name: Broken budget
                mode: strict
                rules:
                  - type: budget
                    period: week
                    amount: lots
                    thresholds:
                      - at: 80
                        action: block
                      - at: -5
                        action: deny
                    colour: red
                """);

        assertThat(errors).extracting(PolicyError::toString).containsExactly(
                "line 1, column 5 (id): 'Bad Id' does not match [a-z0-9][a-z0-9._-]{0,63}",
                "line 3, column 7 (mode): 'strict' is not allowed; expected one of [enforce, audit]",
                "line 6, column 13 (rules[0].period): 'week' is not allowed; expected one of [month, quarter]",
                "line 7, column 13 (rules[0].amount): expected a number but found 'lots'",
                "line 10, column 17 (rules[0].thresholds[0].action): 'block' is not allowed; expected one of "
                        + "[notify, require_approval, deny]",
                "line 11, column 13 (rules[0].thresholds[1].at): must be greater than 0 but is -5",
                "line 13, column 5 (rules[0].colour): unknown field 'colour'; expected one of [type, id, "
                        + "description, scope, budget, period, amount, currency, estimate, thresholds]");
    }

    @Test
    void missingRequiredFieldsPointAtTheirMapping() {
        List<PolicyError> errors = errors("""
                name: No id
                rules:
                  - type: max_hourly_cost
                    action: deny
                """);

        assertThat(errors).extracting(PolicyError::line, PolicyError::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ""),
                org.assertj.core.groups.Tuple.tuple(3, "rules[0]"));
        assertThat(errors.get(0).message()).startsWith("missing required field 'id'");
        assertThat(errors.get(1).message()).startsWith("missing required field 'amount'");
    }

    @Test
    void semanticErrorsFromARuleTypeAreLocatedToo() {
        List<PolicyError> errors = errors("""
                id: tags
                name: Tags
                rules:
                  - type: required_tags
                    tags:
                      - key: cost-center
                        pattern: "CC-[0-9"
                  - type: data_residency
                    allowed_jurisdictions: []
                """);

        assertThat(errors).extracting(PolicyError::line).containsExactly(7, 9);
        assertThat(errors.get(0).path()).isEqualTo("rules[0].tags[0].pattern");
        assertThat(errors.get(0).message()).startsWith("not a valid regular expression");
        assertThat(errors.get(1).message()).isEqualTo("name at least one allowed jurisdiction");
    }

    @Test
    void duplicateKeysAndRuleIdsAreRefused() {
        List<PolicyError> errors = errors("""
                id: dup
                name: Duplicates
                rules:
                  - type: max_hourly_cost
                    id: cap
                    amount: 10
                    amount: 20
                  - type: encryption
                    id: cap
                """);

        assertThat(errors).extracting(PolicyError::toString).containsExactly(
                "line 7, column 5 (rules[0].amount): duplicate field 'amount'",
                "line 9, column 9 (rules[1].id): duplicate rule id 'cap'");
    }

    @Test
    void badScopesAreExplained() {
        assertThat(errors("id: s\nname: S\nscope: everyone\nrules:\n  - type: encryption\n"))
                .singleElement().extracting(PolicyError::line, PolicyError::message)
                .containsExactly(3, "'everyone' is not a scope; expected 'all', 'team: <name or list>' or "
                        + "'project: <name or list>'");
        assertThat(errors("id: s\nname: S\nscope:\n  department: x\nrules:\n  - type: encryption\n"))
                .singleElement().extracting(PolicyError::line).isEqualTo(4);
    }

    @Test
    void yamlSyntaxErrorsCarryTheParsersPosition() {
        List<PolicyError> errors = errors("id: p\nname: P\nrules:\n  - type: encryption\n    at_rest: [true\n");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void emptyAndNonMappingDocumentsAreRefused() {
        assertThat(errors("")).singleElement().extracting(PolicyError::message).isEqualTo("the policy is empty");
        assertThat(errors("- just\n- a list\n")).singleElement().extracting(PolicyError::message).asString()
                .startsWith("expected a mapping with the fields [id, name, description, scope, mode, rules]");
        assertThat(errors("id: p\nname: P\nrules: []\n")).singleElement().extracting(PolicyError::message)
                .isEqualTo("a policy needs at least one rule");
    }

    @Test
    void oneBrokenRuleRefusesThePolicyWhole() {
        assertThatThrownBy(() -> parser.parse("""
                id: half
                name: Half good
                rules:
                  - type: encryption
                  - type: max_hourly_cost
                    amount: 0
                """, 1))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessage("line 6, column 13 (rules[1].amount): must be greater than 0 but is 0");
    }

    @Test
    void wrongTypesForBooleansListsAndObjects() {
        List<PolicyError> errors = errors("""
                id: types
                name: Types
                rules:
                  - type: encryption
                    at_rest: sometimes
                  - type: allowed_hardware
                    accelerators: H100
                  - type: required_tags
                    tags: [owner]
                """);

        assertThat(errors).extracting(PolicyError::message).containsExactly(
                "expected true or false but found 'sometimes'",
                "expected a list of text values but found 'H100'; write e.g. [a, b]",
                "expected a mapping with the fields [key, allowed, pattern] but found 'owner'");
    }
}
