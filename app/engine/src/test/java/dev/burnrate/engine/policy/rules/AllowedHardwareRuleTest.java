package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.Violation;
import org.junit.jupiter.api.Test;

import static dev.burnrate.engine.policy.PolicyFixtures.C3_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.G5_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class AllowedHardwareRuleTest {
    /** Applies to the analytics team only: small GPUs. */
    private final Policy analyticsHardware = parse("""
            id: analytics-hardware
            name: Analytics hardware
            scope:
              team: analytics
            rules:
              - type: allowed_hardware
                accelerators: [A10G, L4]
                instance_families: [g5, c3]
            """);

    @Test
    void allowedAcceleratorAndFamilyPass() {
        var request = request(G5_EU_CENTRAL_1, 1, 5).team("analytics").build();

        assertThat(evaluate(analyticsHardware, request).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void h100IsDeniedForTheTeamWithEvidence() {
        Decision decision = evaluate(analyticsHardware, request(P5_EU_NORTH_1, 1, 5).team("analytics").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations()).extracting(Violation::code)
                .containsExactly("accelerator-not-allowed", "instance-family-not-allowed");
        assertThat(decision.violations().getFirst().evidence()).containsEntry("accelerator", "H100")
                .containsEntry("team", "analytics");
    }

    @Test
    void otherTeamsAreOutOfScope() {
        Decision decision = evaluate(analyticsHardware, request(P5_EU_NORTH_1, 1, 5).team("ml-research").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.evaluated()).isEmpty();
    }

    @Test
    void cpuOnlyOfferingsCanBeRefused() {
        Policy gpuOnly = parse("""
                id: gpu-only
                name: GPU only
                rules:
                  - type: allowed_hardware
                    accelerators: [H100]
                    allow_cpu_only: false
                """);

        assertThat(evaluate(gpuOnly, request(C3_EU_CENTRAL_1, 1, 5).build()).violations())
                .extracting(Violation::code).containsExactly("cpu-only-not-allowed");
        assertThat(evaluate(gpuOnly, request(P5_EU_NORTH_1, 1, 5).build()).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void familiesMatchAtASeparatorOrByGlob() {
        assertThat(AllowedHardwareRule.inFamily("p5.48xlarge", "p5")).isTrue();
        assertThat(AllowedHardwareRule.inFamily("p5e.48xlarge", "p5")).isFalse();
        assertThat(AllowedHardwareRule.inFamily("a3-highgpu-8g", "a3")).isTrue();
        assertThat(AllowedHardwareRule.inFamily("Standard_ND96isr_H100_v5", "standard_nd*")).isTrue();
        assertThat(AllowedHardwareRule.inFamily("Standard_NC24ads_A100_v4", "Standard_ND*")).isFalse();
    }
}
