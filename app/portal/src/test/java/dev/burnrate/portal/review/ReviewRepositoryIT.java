package dev.burnrate.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.budget.plan.CostMetric;
import dev.burnrate.portal.budget.plan.PlanGranularity;
import dev.burnrate.portal.finance.DataVersions;
import dev.burnrate.portal.finance.PinnedVersion;
import dev.burnrate.portal.support.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reviews as stored, on H2 and PostgreSQL: a sign-off snapshot keeps every figure rounded half-even to the cent with
 * its data versions; of two transactions signing at once exactly one wins; signed periods lock budget edits; every
 * version of an explanation and a proposal is kept.
 */
class ReviewRepositoryIT {

    private static final ReviewPeriod NOV = new ReviewPeriod(PlanGranularity.MONTH, LocalDate.of(2026, 11, 1));
    private static final Instant AT = Instant.parse("2026-12-03T09:12:00Z");
    private static final DataVersions VERSIONS = new DataVersions(List.of(
            new PinnedVersion("aws-cur", "aws-cur-v3-key", "team"), new PinnedVersion("metered-usage", "m-7", "team")));

    private static ReviewLine line(String key, String actual) {
        BigDecimal a = new BigDecimal(actual);
        return ReviewCalculator.line(key, LineKind.BUDGET, "Vision", "vision", null, "vision", "olga", "USD",
                CostMetric.EFFECTIVE_COST, new BigDecimal("9500"), a, a, a, a, ReviewCalculator.CLOSED_MODEL,
                List.of(new BigDecimal("1.005"), new BigDecimal("2.015")));
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aSnapshotKeepsTheFiguresRoundedToTheCentWithItsDataVersions(TestDatabase db) {
        ReviewRepository reviews = new ReviewRepository(db.dsl());
        long id = reviews.insert(NOV, "fay", AT);

        assertThat(reviews.markSigned(id, 0, 1, "fay", AT)).isTrue();
        reviews.insertSnapshot(id, 1, List.of(line("budget:vision", "11500.125")), VERSIONS);

        Review signed = reviews.find(NOV).orElseThrow();
        assertThat(signed.state()).isEqualTo(ReviewState.SIGNED);
        assertThat(signed.signedBy()).isEqualTo("fay");
        assertThat(signed.version()).isEqualTo(1);
        ReviewLine stored = reviews.snapshot(id, 1).getFirst();
        assertThat(stored.actual()).isEqualByComparingTo("11500.12");
        assertThat(stored.variance()).isEqualByComparingTo("-2000.12");
        assertThat(stored.variancePercent()).isEqualByComparingTo("-21.05");
        assertThat(stored.status()).isEqualTo(LineStatus.OVER);
        assertThat(stored.daily()).containsExactly(new BigDecimal("1.00"), new BigDecimal("2.02"));
        assertThat(reviews.snapshotVersions(id, 1)).isEqualTo(VERSIONS);
        // A stale version cannot sign or reopen.
        assertThat(reviews.markSigned(id, 0, 2, "gus", AT)).isFalse();
        assertThat(reviews.markReopened(id, 0, "gus", AT)).isFalse();
        assertThat(reviews.markReopened(id, 1, "fay", AT)).isTrue();
        assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(ReviewState.OPEN);
        assertThat(reviews.snapshot(id, 1)).as("the earlier snapshot stays").hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void ofTwoTransactionsSigningAtOnceExactlyOneWins(TestDatabase db) throws Exception {
        long id = new ReviewRepository(db.dsl()).insert(NOV, "fay", AT);
        CountDownLatch firstUpdated = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> signInTransaction(db, id, "fay", () -> {
                firstUpdated.countDown();
                Thread.sleep(300); // the snapshot takes a while: the other signer arrives meanwhile
            }));
            assertThat(firstUpdated.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> second = pool.submit(() -> signInTransaction(db, id, "gus", () -> { }));

            assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(20, TimeUnit.SECONDS)).isFalse();
        } finally {
            pool.shutdownNow();
        }
        ReviewRepository reviews = new ReviewRepository(db.dsl());
        assertThat(reviews.find(id).orElseThrow().signedBy()).isEqualTo("fay");
        assertThat(reviews.snapshot(id, 1)).hasSize(1);
    }

    private interface Pause {
        void run() throws Exception;
    }

    /** One sign-off in a transaction of its own, as the service runs it: the conditional update, then the snapshot. */
    private static boolean signInTransaction(TestDatabase db, long id, String who, Pause afterUpdate)
            throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            ReviewRepository reviews = new ReviewRepository(DSL.using(c, db.dialect()));
            boolean won = reviews.markSigned(id, 0, 1, who, AT);
            if (won) {
                afterUpdate.run();
                reviews.insertSnapshot(id, 1, List.of(line("budget:vision", "1")), VERSIONS);
            }
            c.commit();
            return won;
        }
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aSignedPeriodLocksBudgetEditsThatTouchIt(TestDatabase db) {
        ReviewRepository reviews = new ReviewRepository(db.dsl());
        ReviewPeriodLocks locks = new ReviewPeriodLocks(reviews);
        long id = reviews.insert(NOV, "fay", AT);
        assertThat(locks.lockedReason(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1))).isEmpty();

        reviews.markSigned(id, 0, 1, "fay", AT);

        assertThat(locks.lockedReason(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21))).contains(
                "2026-11 was signed off by fay on 2026-12-03 09:12 UTC; reopen the review of 2026-11 to change it");
        assertThat(locks.lockedReason(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1))).isPresent();
        assertThat(locks.lockedReason(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1))).isEmpty();
        assertThat(locks.lockedReason(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))).isEmpty();
        reviews.markReopened(id, 1, "fay", AT);
        assertThat(locks.lockedReason(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void everyVersionOfAnExplanationAndAProposalIsKept(TestDatabase db) {
        long id = new ReviewRepository(db.dsl()).insert(NOV, "fay", AT);
        ReviewNotes notes = new ReviewNotes(db.dsl());

        notes.explain(id, "budget:vision", "olga", "A new training run", AT);
        notes.explain(id, "budget:vision", "olga", "A new training run, approved in October", AT.plusSeconds(60));
        Proposal first = notes.propose(id, "budget:vision", new BigDecimal("11800.50"), "USD", "to year end", "olga",
                AT);
        Proposal second = notes.propose(id, "budget:vision", new BigDecimal("12000.00"), "USD", null, "olga", AT);

        assertThat(notes.explanations(id)).extracting(Explanation::version, Explanation::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "A new training run"),
                org.assertj.core.groups.Tuple.tuple(2, "A new training run, approved in October"));
        assertThat(notes.decide(first.id(), Proposal.Decision.REJECTED, "fay", "too high", AT)).isTrue();
        assertThat(notes.decide(first.id(), Proposal.Decision.ACCEPTED, "gus", null, AT)).isFalse();
        assertThat(notes.decide(second.id(), Proposal.Decision.ACCEPTED, "fay", null, AT)).isTrue();
        assertThat(notes.proposals(id)).extracting(Proposal::version, Proposal::amount, Proposal::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, new BigDecimal("11800.50"),
                                Proposal.Decision.REJECTED),
                        org.assertj.core.groups.Tuple.tuple(2, new BigDecimal("12000.00"),
                                Proposal.Decision.ACCEPTED));
        notes.reopened(id, 1, "late credit from AWS", "fay", AT);
        assertThat(notes.reopenings(id)).singleElement().extracting(Reopening::reason)
                .isEqualTo("late credit from AWS");
    }
}
