package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.portal.budget.JooqBudgetLedger;
import dev.burnrate.portal.budget.MeteredSpend;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Approvers acting at once on the same request, each in their own transaction, on H2 and PostgreSQL. */
class ApprovalWorkflowIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);

    private static void storeRequest(DSLContext dsl, String id, boolean needsFinance) {
        long team = dsl.insertInto(dev.burnrate.portal.db.Tables.TEAMS).set(dev.burnrate.portal.db.Tables.TEAMS.NAME,
                "team-" + id).returning().fetchSingle().getId();
        long decision = new DecisionLog(dsl).record(DecisionKind.REQUEST, id, "team-" + id, "eve",
                Decision.of(List.of(), List.of(), List.of()), Map.of(), CLOCK.instant());
        RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, "team-" + id, null, "train", "aws",
                "eu-north-1", "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 24.0, "internal", Map.of(), true, true,
                true, false);
        new RequestRepository(dsl).insert(id, team, "eve", draft,
                new Estimate(58.89, 1413.36, 1413.36, 42_989.7, "list prices"), "REQUIRE_APPROVAL",
                RequestState.PENDING_APPROVAL, needsFinance, decision, CLOCK.instant());
    }

    private static ApprovalWorkflow.Result decide(TestDatabase db, String id, ApproverRole role, boolean approve,
                                                  String actor) {
        return db.dsl().transactionResult(tx -> new ApprovalWorkflow(new RequestRepository(tx.dsl()),
                new ApprovalRepository(tx.dsl()), new JooqBudgetLedger(tx.dsl(), new MeteredSpend(tx.dsl()), CLOCK),
                CLOCK).decide(id, role, approve, actor, actor + " says so"));
    }

    /** Runs two verdicts at the same moment; returns each one's result or exception. */
    private static List<Object> race(TestDatabase db, String id, ApproverRole roleA, boolean approveA,
                                     ApproverRole roleB, boolean approveB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier barrier = new CyclicBarrier(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            futures.add(pool.submit(() -> attempt(barrier, () -> decide(db, id, roleA, approveA, "alex"))));
            futures.add(pool.submit(() -> attempt(barrier, () -> decide(db, id, roleB, approveB, "sam"))));
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object attempt(CyclicBarrier barrier, java.util.concurrent.Callable<Object> work) throws Exception {
        barrier.await();
        try {
            return work.call();
        } catch (ApprovalConflict conflict) {
            return conflict;
        }
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void twoApproversAtOnceRecordOneVerdict(TestDatabase db) throws Exception {
        storeRequest(db.dsl(), "req-two", false);

        List<Object> results = race(db, "req-two", ApproverRole.APPROVER, true, ApproverRole.APPROVER, true);

        assertThat(results).filteredOn(ApprovalWorkflow.Result.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(ApprovalConflict.class::isInstance).singleElement()
                .extracting(e -> ((ApprovalConflict) e).getMessage()).asString()
                .containsAnyOf("was made already", "is approved");
        assertThat(new ApprovalRepository(db.dsl()).forRequest("req-two")).hasSize(1);
        assertThat(new RequestRepository(db.dsl()).find("req-two").orElseThrow().state())
                .isEqualTo(RequestState.APPROVED);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void approverAndFinanceAtOnceBothCountAndApproveTheRequest(TestDatabase db) throws Exception {
        storeRequest(db.dsl(), "req-fin", true);

        List<Object> results = race(db, "req-fin", ApproverRole.APPROVER, true, ApproverRole.FINANCE, true);

        assertThat(results).allMatch(ApprovalWorkflow.Result.class::isInstance);
        assertThat(new ApprovalRepository(db.dsl()).forRequest("req-fin")).extracting(ApprovalRecord::role)
                .containsExactlyInAnyOrder(ApproverRole.APPROVER, ApproverRole.FINANCE);
        assertThat(new RequestRepository(db.dsl()).find("req-fin").orElseThrow().state())
                .isEqualTo(RequestState.APPROVED);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void anApprovalAndARejectionAtOnceEndInOneState(TestDatabase db) throws Exception {
        storeRequest(db.dsl(), "req-split", true);

        List<Object> results = race(db, "req-split", ApproverRole.APPROVER, true, ApproverRole.FINANCE, false);

        RequestState state = new RequestRepository(db.dsl()).find("req-split").orElseThrow().state();
        // Whoever came first: approval then rejection ends REJECTED; rejection first refuses the approval.
        assertThat(state).isEqualTo(RequestState.REJECTED);
        assertThat(results.stream().filter(ApprovalConflict.class::isInstance).count())
                .isEqualTo(new ApprovalRepository(db.dsl()).forRequest("req-split").size() == 2 ? 0 : 1);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aRequesterCannotApproveTheirOwnRequestAndFinanceIsNeededOnlyWhenAsked(TestDatabase db) {
        storeRequest(db.dsl(), "req-own", false);

        assertThatThrownBy(() -> decide(db, "req-own", ApproverRole.APPROVER, true, "eve"))
                .isInstanceOf(ApprovalConflict.class).hasMessageContaining("your own request");
        assertThatThrownBy(() -> decide(db, "req-own", ApproverRole.FINANCE, true, "fin"))
                .isInstanceOf(ApprovalConflict.class).hasMessageContaining("does not need FINANCE");
        assertThat(new ApprovalRepository(db.dsl()).forRequest("req-own")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void oneUserHoldingBothRolesCannotGiveBothVerdicts(TestDatabase db) {
        storeRequest(db.dsl(), "req-four-eyes", true);
        decide(db, "req-four-eyes", ApproverRole.APPROVER, true, "pat");

        assertThatThrownBy(() -> decide(db, "req-four-eyes", ApproverRole.FINANCE, true, "pat"))
                .isInstanceOf(ApprovalConflict.class)
                .hasMessage("You gave the APPROVER verdict on request req-four-eyes already; the other verdict must"
                        + " come from another person");
        assertThat(new RequestRepository(db.dsl()).find("req-four-eyes").orElseThrow().state())
                .isEqualTo(RequestState.PENDING_APPROVAL);
        assertThat(new ApprovalRepository(db.dsl()).forRequest("req-four-eyes")).hasSize(1);

        assertThat(decide(db, "req-four-eyes", ApproverRole.FINANCE, true, "fin").state())
                .isEqualTo(RequestState.APPROVED);
    }
}
