package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.Violation;
import org.junit.jupiter.api.Test;

import static dev.burnrate.engine.policy.PolicyFixtures.C3_EDGE_1;
import static dev.burnrate.engine.policy.PolicyFixtures.G5_US_EAST_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class HipaaRuleTest {
    private final Policy hipaa = parse("""
            id: hipaa
            name: HIPAA workloads
            rules:
              - type: hipaa
                eligible_services: [Amazon Elastic Compute Cloud, Amazon SageMaker]
            """);

    @Test
    void phiOnAnEligibleEncryptedRegionIsAllowed() {
        Decision decision = evaluate(hipaa, request(G5_US_EAST_1, 1, 10).dataClassification("phi").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void phiOnAnIneligibleRegionIsDeniedForRegionAndEncryption() {
        Decision decision = evaluate(hipaa, request(C3_EDGE_1, 1, 10).dataClassification("phi").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations()).extracting(Violation::code)
                .containsExactly("region-not-hipaa-eligible", "phi-not-encrypted");
        assertThat(decision.violations().getFirst().evidence()).containsEntry("hipaa_eligible", false)
                .containsEntry("region", "edge-1");
    }

    @Test
    void aPhiTagCountsLikeTheClassificationAndEncryptionMustBeOn() {
        var tagged = request(G5_US_EAST_1, 1, 10).tag("phi", "true").encryptedInTransit(false).build();

        Decision decision = evaluate(hipaa, tagged);

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations()).extracting(Violation::code).containsExactly("phi-not-encrypted");
        assertThat(decision.violations().getFirst().evidence()).containsEntry("encrypted_in_transit", false);
    }

    @Test
    void servicesOffTheListAreDeniedAndNonPhiWorkIsIgnored() {
        Policy sageMakerOnly = parse("""
                id: hipaa-sm
                name: HIPAA on SageMaker only
                rules:
                  - type: hipaa
                    eligible_services: [Amazon SageMaker]
                """);
        Decision decision = evaluate(sageMakerOnly, request(G5_US_EAST_1, 1, 10).dataClassification("phi").build());
        assertThat(decision.violations()).extracting(Violation::code).containsExactly("service-not-hipaa-eligible");

        assertThat(evaluate(sageMakerOnly, request(C3_EDGE_1, 1, 10).tag("phi", "false").encrypted(false).build())
                .outcome()).isEqualTo(Outcome.ALLOW);
    }
}
