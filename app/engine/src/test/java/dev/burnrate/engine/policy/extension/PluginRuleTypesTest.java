package dev.burnrate.engine.policy.extension;

import static dev.burnrate.engine.policy.PolicyFixtures.P5_US_EAST_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.RuleFacts;
import dev.burnrate.api.RuleFinding;
import dev.burnrate.api.RuleParameter;
import dev.burnrate.api.RuleTypeProvider;
import dev.burnrate.engine.plugin.ExtensionGuard;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.Violation;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.engine.policy.schema.PolicyValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class PluginRuleTypesTest {
    private static final String POLICY = """
            id: gpu-cap
            name: GPU cap
            rules:
              - type: max_gpus_per_request
                max_gpus: %d
                %s
            """;

    /** What the lookup finds now; tests swap it to simulate a plugin that breaks or goes away. */
    private final AtomicReference<RuleTypeProvider> current = new AtomicReference<>(new MaxGpus((params, facts) -> {
        long max = (Long) params.get("max_gpus");
        return facts.totalAccelerators() > max
                ? List.of(new RuleFinding("too-many-gpus", facts.totalAccelerators() + " GPUs requested, at most "
                + max + " allowed.", Map.of("gpus", String.valueOf(facts.totalAccelerators()))))
                : List.of();
    }));
    private final RuleTypeLookup lookup = name -> Optional.ofNullable(current.get())
            .filter(p -> p.ruleType().equals(name)).map(p -> new RuleTypeLookup.PluginRuleSource("gpu-pack", p));
    private final PluginRuleTypes.Registered registered = PluginRuleTypes.register(RuleRegistry.standard(),
            List.of(new RuleTypeLookup.PluginRuleSource("gpu-pack", current.get())), lookup);
    private final PolicyParser parser = new PolicyParser(registered.registry());

    @Test
    void aPluginRuleTypeIsRegisteredWithItsSchemaAndOrigin() {
        assertThat(registered.problems()).isEmpty();
        var type = registered.registry().find("max_gpus_per_request").orElseThrow();
        assertThat(type.origin()).isEqualTo("gpu-pack");
        assertThat(type.builtIn()).isFalse();
        assertThat(type.schema().names()).containsExactly("max_gpus", "note", "action");
    }

    @Test
    void aRequestOverTheLimitIsJudgedByThePluginWithThePolicysAction() throws Exception {
        Policy policy = parser.parse(POLICY.formatted(8, "action: require_approval"), 1);

        Decision over = evaluate(policy, request(P5_US_EAST_1, 2, 1).build());
        Decision within = evaluate(policy, request(P5_US_EAST_1, 1, 1).build());

        assertThat(over.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        Violation v = over.violations().getFirst();
        assertThat(v.code()).isEqualTo("too-many-gpus");
        assertThat(v.ruleType()).isEqualTo("max_gpus_per_request");
        assertThat(v.message()).isEqualTo("16 GPUs requested, at most 8 allowed.");
        assertThat(v.evidence()).containsEntry("gpus", "16").containsEntry("plugin", "gpu-pack");
        assertThat(within.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void continuousChecksJudgeRunningResourcesWithThePluginRuleToo() throws Exception {
        Policy policy = parser.parse(POLICY.formatted(8, "action: notify"), 1);

        Decision running = evaluator().evaluateCompliance(List.of(policy), request(P5_US_EAST_1, 3, 1).build());

        assertThat(running.outcome()).isEqualTo(Outcome.WARN);
        assertThat(running.violations()).extracting(Violation::code).containsExactly("too-many-gpus");
    }

    @Test
    void theSchemaAndThePluginsOwnChecksRefuseABadRule() {
        assertThatThrownBy(() -> parser.parse("""
                id: gpu-cap
                name: GPU cap
                rules:
                  - type: max_gpus_per_request
                    maxgpus: 3
                """, 0)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("max_gpus").hasMessageContaining("maxgpus");
        assertThatThrownBy(() -> parser.parse(POLICY.formatted(-1, ""), 0))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("max_gpus must be at least 1");
    }

    @Test
    void aPluginThatThrowsGivesTheRulesActionNeverAllow() throws Exception {
        Policy deny = parser.parse(POLICY.formatted(8, ""), 1);
        Policy notify = parser.parse(POLICY.formatted(8, "action: notify"), 1);
        current.set(new MaxGpus((params, facts) -> {
            throw new IllegalStateException("database of GPU quotas is down");
        }));

        Decision denied = evaluate(deny, request(P5_US_EAST_1, 1, 1).build());
        Decision warned = evaluate(notify, request(P5_US_EAST_1, 1, 1).build());

        assertThat(denied.outcome()).isEqualTo(Outcome.DENY);
        assertThat(denied.violations().getFirst().code()).isEqualTo(PluginRule.UNAVAILABLE);
        assertThat(denied.violations().getFirst().message()).contains("database of GPU quotas is down")
                .contains("its action (deny) applies");
        assertThat(warned.outcome()).isEqualTo(Outcome.WARN);
    }

    @Test
    void aPluginThatIsGoneGivesTheRulesAction() throws Exception {
        Policy policy = parser.parse(POLICY.formatted(8, "action: require_approval"), 1);
        current.set(null);

        Decision decision = evaluate(policy, request(P5_US_EAST_1, 1, 1).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.violations().getFirst().message()).contains("not installed");
    }

    @Test
    void aPluginThatHangsIsCutOffByTheGuardAndDenies() throws Exception {
        Policy policy = parser.parse(POLICY.formatted(8, ""), 1);
        CountDownLatch never = new CountDownLatch(1);
        MaxGpus hanging = new MaxGpus((params, facts) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        });
        List<String> faults = new ArrayList<>();
        try (ExtensionGuard guard = new ExtensionGuard(3, (plugin, message, suspended) -> faults.add(message))) {
            current.set(guard.guard(RuleTypeProvider.class, List.of(RuleTypeProvider.class), "gpu-pack",
                    getClass().getClassLoader(), hanging, Duration.ofMillis(200), Map.of()));

            long start = System.nanoTime();
            Decision decision = evaluate(policy, request(P5_US_EAST_1, 1, 1).build());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.violations().getFirst().code()).isEqualTo(PluginRule.UNAVAILABLE);
            assertThat(decision.violations().getFirst().message()).contains("did not answer");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aTypeThatClashesOrIsMalformedIsLeftOutAndNamed() {
        RuleTypeProvider clash = new MaxGpus((p, f) -> List.of()) {
            @Override
            public String ruleType() {
                return "max_hourly_cost";
            }
        };
        RuleTypeProvider reserved = new MaxGpus((p, f) -> List.of()) {
            @Override
            public String ruleType() {
                return "other_cap";
            }

            @Override
            public List<RuleParameter> parameters() {
                return List.of(RuleParameter.required("action", RuleParameter.Type.STRING, "clashes"));
            }
        };

        RuleTypeProvider silent = new MaxGpus((p, f) -> List.of()) {
            @Override
            public String ruleType() {
                return "silent_cap";
            }

            @Override
            public List<RuleParameter> parameters() {
                return null;
            }
        };

        var result = PluginRuleTypes.register(RuleRegistry.standard(), List.of(
                new RuleTypeLookup.PluginRuleSource("a", clash), new RuleTypeLookup.PluginRuleSource("b", reserved),
                new RuleTypeLookup.PluginRuleSource("d", silent),
                new RuleTypeLookup.PluginRuleSource("c", current.get())), lookup);

        assertThat(result.problems()).hasSize(3);
        assertThat(result.problems().get(0)).contains("plugin a").contains("already registered");
        assertThat(result.problems().get(1)).contains("plugin b").contains("'action' is the portal's own");
        assertThat(result.problems().get(2)).contains("plugin d").contains("parameters() of rule type 'silent_cap'");
        assertThat(result.sources()).containsOnlyKeys("max_gpus_per_request");
        assertThat(result.registry().find("max_gpus_per_request")).isPresent();
    }

    /** A small rule type whose evaluation each test chooses. */
    static class MaxGpus implements RuleTypeProvider {
        private final BiFunction<Map<String, Object>, RuleFacts, List<RuleFinding>> judge;

        MaxGpus(BiFunction<Map<String, Object>, RuleFacts, List<RuleFinding>> judge) {
            this.judge = judge;
        }

        @Override
        public String id() {
            return "max-gpus";
        }

        @Override
        public String displayName() {
            return "Max GPUs";
        }

        @Override
        public String ruleType() {
            return "max_gpus_per_request";
        }

        @Override
        public String description() {
            return "At most this many GPUs in one request.";
        }

        @Override
        public List<RuleParameter> parameters() {
            return List.of(RuleParameter.required("max_gpus", RuleParameter.Type.INTEGER, "GPUs allowed"),
                    RuleParameter.optional("note", RuleParameter.Type.STRING, "shown nowhere", "none"));
        }

        @Override
        public List<String> validate(Map<String, Object> parameters) {
            return (Long) parameters.get("max_gpus") < 1 ? List.of("max_gpus must be at least 1") : List.of();
        }

        @Override
        public List<RuleFinding> evaluate(Map<String, Object> parameters, RuleFacts facts) {
            return judge.apply(parameters, facts);
        }
    }
}
