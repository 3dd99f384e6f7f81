package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalCardTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-10T12:00:00Z");

    @Test
    void theCardShowsOneSetOfBudgetFiguresForARequest() {
        StoredRequest request = new StoredRequest("req-1", 1, "ml-research", null, "eve", Template.GPU_TRAINING,
                "train", "aws", "eu-north-1", "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 72.0, "internal",
                Map.of(), true, true, true, false, 68.76, 4_951, 4_951, "list prices", "REQUIRE_APPROVAL",
                RequestState.PENDING_APPROVAL, true, 7L, null, null, SUBMITTED, SUBMITTED, "USD");
        // At submit the budget stood at $41,462.88 with this request; metered spend moved it on since.
        Map<String, Object> atSubmit = Map.of("code", "budget-committed-80%", "outcome", "REQUIRE_APPROVAL",
                "message", "Budget team-budget/monthly for team ml-research in 2026-11: with this request, spend "
                        + "reaches $41,462.88 of $50,000.00 (82.9%), past the 80% threshold: approval by finance "
                        + "is required.",
                "evidence", Map.of("budget", "team-budget/monthly", "scope", "team ml-research", "period",
                        "2026-11", "total", 41_462.88, "threshold", "80%", "threshold_action", "require_approval"));
        DecisionRecord decision = new DecisionRecord(7, SUBMITTED, DecisionKind.REQUEST, "req-1", "ml-research",
                "eve", "REQUIRE_APPROVAL", "team-budget", "FINANCE", List.of(atSubmit), "{}");
        BudgetKey key = new BudgetKey("team-budget/monthly", BudgetKey.Scope.TEAM, "ml-research",
                BudgetPeriod.MONTH, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        BudgetCheck today = new BudgetCheck(key, "2026-11", 50_000, new BudgetStatus(37_505.69, 4_951, 0), 0,
                42_456.69, 42_456.69, List.of());

        String text = new ApprovalCard(new PendingApproval(request, decision, List.of(today), List.of(),
                ApproverRole.FINANCE)).getElement().getTextRecursively();

        assertThat(text).contains("$42,456.69 of $50,000.00").contains("past its 80% threshold")
                .doesNotContain("41,462.88");
    }
}
