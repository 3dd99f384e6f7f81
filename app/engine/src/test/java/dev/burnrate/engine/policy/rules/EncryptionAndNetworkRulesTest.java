package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.Violation;
import org.junit.jupiter.api.Test;

import static dev.burnrate.engine.policy.PolicyFixtures.C3_EDGE_1;
import static dev.burnrate.engine.policy.PolicyFixtures.G5_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class EncryptionAndNetworkRulesTest {
    private final Policy encryption = parse("""
            id: encryption
            name: Encrypt everything
            rules:
              - type: encryption
            """);
    private final Policy privateOnly = parse("""
            id: private
            name: No public IPs
            rules:
              - type: private_networking
                action: require_approval
            """);

    @Test
    void encryptedRequestsPass() {
        assertThat(evaluate(encryption, request(G5_EU_CENTRAL_1, 1, 5).build()).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void eachMissingEncryptionIsAViolation() {
        Decision decision = evaluate(encryption, request(G5_EU_CENTRAL_1, 1, 5).encrypted(false).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations()).extracting(Violation::code)
                .containsExactly("encryption-at-rest-off", "encryption-in-transit-off");
    }

    @Test
    void aRegionWithoutEncryptionCannotSatisfyTheRule() {
        Decision decision = evaluate(encryption, request(C3_EDGE_1, 1, 5).build());

        assertThat(decision.violations()).extracting(Violation::code)
                .containsExactly("encryption-at-rest-unsupported", "encryption-in-transit-unsupported");
    }

    @Test
    void onlyAtRestCanBeRequired() {
        Policy atRest = parse("""
                id: at-rest
                name: At rest only
                rules:
                  - type: encryption
                    in_transit: false
                """);
        var request = request(G5_EU_CENTRAL_1, 1, 5).encryptedInTransit(false).build();

        assertThat(evaluate(atRest, request).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void privateNetworkingPassesOrAsksForApproval() {
        assertThat(evaluate(privateOnly, request(G5_EU_CENTRAL_1, 1, 5).build()).outcome()).isEqualTo(Outcome.ALLOW);

        Decision publicIp = evaluate(privateOnly, request(G5_EU_CENTRAL_1, 1, 5).privateNetwork(false).build());
        assertThat(publicIp.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(publicIp.violations()).extracting(Violation::code).containsExactly("public-network");

        Decision unsupported = evaluate(privateOnly, request(C3_EDGE_1, 1, 5).build());
        assertThat(unsupported.violations()).extracting(Violation::code).containsExactly("private-network-unsupported");
    }
}
