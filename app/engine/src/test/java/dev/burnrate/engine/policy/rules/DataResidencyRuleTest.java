package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.burnrate.engine.policy.PolicyFixtures.C3_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.EU_WEST_2;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_WEST_2;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_US_EAST_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class DataResidencyRuleTest {
    private final Policy gdpr = parse("""
            id: gdpr
            name: GDPR data residency
            rules:
              - type: data_residency
                allowed_jurisdictions: [EU]
            """);

    @Test
    void personalEuDataInAnEuRegionIsAllowed() {
        Decision decision = evaluate(gdpr, request(P5_EU_NORTH_1, 1, 24).dataClassification("personal-eu").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.violations()).isEmpty();
    }

    @Test
    void personalEuDataInUsEast1IsDeniedWithTheJurisdictionAsEvidence() {
        Decision decision = evaluate(gdpr, request(P5_US_EAST_1, 1, 24).dataClassification("personal-eu").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        Violation v = decision.violations().getFirst();
        assertThat(v.code()).isEqualTo("jurisdiction-not-allowed");
        assertThat(v.message()).contains("us-east-1", "jurisdiction US", "allowed jurisdictions: EU");
        assertThat(v.evidence()).containsEntry("region", "us-east-1").containsEntry("jurisdiction", "US")
                .containsEntry("data_classification", "personal-eu").containsEntry("allowed_jurisdictions", List.of("EU"));
        assertThat(v.policy().id()).isEqualTo("gdpr");
        assertThat(v.policy().version()).isEqualTo(1);
        assertThat(v.ruleId()).isEqualTo("data_residency");
        assertThat(v.resource()).isEqualTo("req-1");
    }

    @Test
    void otherClassificationsMayGoAnywhere() {
        assertThat(evaluate(gdpr, request(P5_US_EAST_1, 1, 24).dataClassification("internal").build()).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(evaluate(gdpr, request(P5_US_EAST_1, 1, 24).dataClassification(null).build()).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void ukIsRefusedUnlessListedAndAdequacyCanBeRequired() {
        var london = request(P5_EU_WEST_2, 1, 24).dataClassification("personal-eu").build();
        assertThat(evaluate(gdpr, london).outcome()).isEqualTo(Outcome.DENY);

        Policy withUk = parse("""
                id: gdpr-uk
                name: GDPR incl. UK
                rules:
                  - type: data_residency
                    classifications: [personal-eu, personal-uk]
                    allowed_jurisdictions: [EU, UK]
                    require_gdpr_adequate: true
                    action: require_approval
                """);
        assertThat(evaluate(withUk, london).outcome()).isEqualTo(Outcome.ALLOW);
        var notAdequate = request(C3_EU_CENTRAL_1, 1, 24).dataClassification("personal-uk")
                .region(new dev.burnrate.api.Region("eu-central-1", "Frankfurt", "DE", "EU",
                        new dev.burnrate.api.ComplianceFacts(false, true, true, true, true))).build();
        Decision decision = evaluate(withUk, notAdequate);
        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.violations()).extracting(Violation::code).containsExactly("region-not-gdpr-adequate");
        assertThat(EU_WEST_2.compliance().gdprAdequate()).isTrue();
    }
}
