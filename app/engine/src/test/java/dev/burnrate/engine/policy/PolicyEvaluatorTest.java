package dev.burnrate.engine.policy;

import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.FieldType;
import dev.burnrate.engine.policy.schema.ObjectSchema;
import dev.burnrate.engine.policy.schema.PolicyParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_US_EAST_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static dev.burnrate.engine.policy.PolicyFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyEvaluatorTest {
    private final Policy capNeedsApproval = parse("""
            id: b-cap
            name: Cap
            rules:
              - type: max_hourly_cost
                amount: 50
                action: require_approval
            """);
    private final Policy tagsNotify = parse("""
            id: c-tags
            name: Tags
            rules:
              - type: required_tags
                action: notify
                tags:
                  - key: ticket
            """);
    private final Policy gdpr = parse("""
            id: a-gdpr
            name: GDPR
            rules:
              - type: data_residency
                allowed_jurisdictions: [EU]
            """);

    @Test
    void noPoliciesMeansAllow() {
        Decision decision = evaluate(List.of(), request(P5_US_EAST_1, 1, 1).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.violations()).isEmpty();
        assertThat(decision.evaluated()).isEmpty();
    }

    @Test
    void theMostSevereOutcomeWinsAndEveryViolationIsKept() {
        var request = request(P5_US_EAST_1, 1, 1).dataClassification("personal-eu").build();

        Decision decision = evaluate(List.of(tagsNotify, capNeedsApproval, gdpr), request);

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations()).extracting(Violation::outcome)
                .containsExactly(Outcome.DENY, Outcome.REQUIRE_APPROVAL, Outcome.WARN);
        assertThat(decision.reasons()).extracting(v -> v.policy().id()).containsExactly("a-gdpr");
        assertThat(decision.approverRoles()).as("a denied request goes to no one").isEmpty();
        assertThat(decision.evaluated()).extracting(PolicyRef::toString)
                .containsExactly("a-gdpr@v1", "b-cap@v1", "c-tags@v1");
    }

    @Test
    void aComplianceApprovalNeedsAnApproverButNotFinance() {
        Decision decision = evaluate(List.of(tagsNotify, capNeedsApproval), request(P5_US_EAST_1, 1, 1).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.approverRoles()).containsExactly(ApproverRole.APPROVER);
    }

    @Test
    void aBudgetApprovalAlsoNeedsFinance() {
        Policy budget = parse("""
                id: budget
                name: Budget
                rules:
                  - type: budget
                    period: month
                    amount: 10000
                    thresholds:
                      - {at: 80, action: require_approval}
                """);
        var request = request(P5_EU_NORTH_1, 1, 24).build();

        Decision decision = evaluator().evaluate(List.of(budget, capNeedsApproval), request,
                spend("ml-research", new BudgetStatus(7_000, 0, 0)));

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.approverRoles()).containsExactlyInAnyOrder(ApproverRole.APPROVER, ApproverRole.FINANCE);
    }

    @Test
    void auditModeOnlyWarnsButRecordsWhatItWouldHaveDone() {
        Policy auditGdpr = parse(gdpr.source() + "mode: audit\n");
        var request = request(P5_US_EAST_1, 1, 1).dataClassification("personal-eu").build();

        Decision decision = evaluate(auditGdpr, request);

        assertThat(decision.outcome()).isEqualTo(Outcome.WARN);
        Violation v = decision.violations().getFirst();
        assertThat(v.mode()).isEqualTo(PolicyMode.AUDIT);
        assertThat(v.intendedOutcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void scopeSelectsByTeamOrProject() {
        Policy forProject = parse(gdpr.source().replace("id: a-gdpr", "id: p-gdpr\nscope:\n  project: clinic-ai"));
        var request = request(P5_US_EAST_1, 1, 1).dataClassification("personal-eu");

        assertThat(evaluate(forProject, request.project("clinic-ai").build()).outcome()).isEqualTo(Outcome.DENY);
        assertThat(evaluate(forProject, request.project("llm-pretrain").build()).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(evaluate(forProject, request.project(null).build()).evaluated()).isEmpty();
    }

    @Test
    void aRuleThatThrowsFailsClosed() {
        RuleType broken = new RuleType("broken", "Always throws.",
                ObjectSchema.of(FieldSpec.optional("note", FieldType.STRING, "ignored")),
                (id, config) -> new Rule() {
                    public String id() {
                        return id;
                    }

                    public String type() {
                        return "broken";
                    }

                    public List<Finding> check(PolicyInput input, EvaluationContext context) {
                        throw new IllegalStateException("catalog unavailable");
                    }
                });
        Policy policy;
        try {
            policy = new PolicyParser(RuleRegistry.standard().with(broken))
                    .parse("id: x\nname: X\nrules:\n  - type: broken\n", 1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        Decision decision = evaluate(policy, request(P5_EU_NORTH_1, 1, 1).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations().getFirst().code()).isEqualTo("rule-error");
        assertThat(decision.violations().getFirst().message()).contains("catalog unavailable");
    }

    @Test
    void evidenceIsImmutableAndOrdered() {
        var request = request(P5_US_EAST_1, 1, 1).dataClassification("personal-eu").build();
        Map<String, Object> evidence = evaluate(gdpr, request).violations().getFirst().evidence();

        assertThat(evidence.keySet()).startsWith("provider", "region", "region_name", "geography", "jurisdiction");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evidence.put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
