package dev.burnrate.portal.review;

import static dev.burnrate.portal.db.Tables.REVIEW_EXPLANATIONS;
import static dev.burnrate.portal.db.Tables.REVIEW_PROPOSALS;
import static dev.burnrate.portal.db.Tables.REVIEW_REOPENINGS;

import dev.burnrate.portal.db.tables.records.ReviewProposalsRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What people write on a review: explanations and reforecast proposals (every version kept: a new one is a new
 * row with the next version number; the unique key makes two writers of the same version collide instead of
 * overwriting), and the reasons reviews were reopened.
 */
@Repository
public class ReviewNotes {

    private final DSLContext dsl;

    public ReviewNotes(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Explanation explain(long reviewId, String lineKey, String author, String text, Instant at) {
        int version = 1 + dsl.select(DSL.coalesce(DSL.max(REVIEW_EXPLANATIONS.VERSION), 0)).from(REVIEW_EXPLANATIONS)
                .where(REVIEW_EXPLANATIONS.REVIEW_ID.eq(reviewId).and(REVIEW_EXPLANATIONS.LINE_KEY.eq(lineKey)))
                .fetchSingle().value1();
        long id = dsl.insertInto(REVIEW_EXPLANATIONS).set(REVIEW_EXPLANATIONS.REVIEW_ID, reviewId)
                .set(REVIEW_EXPLANATIONS.LINE_KEY, lineKey).set(REVIEW_EXPLANATIONS.VERSION, version)
                .set(REVIEW_EXPLANATIONS.AUTHOR, author).set(REVIEW_EXPLANATIONS.BODY, text)
                .set(REVIEW_EXPLANATIONS.WRITTEN_AT, ReviewRepository.utc(at))
                .returning(REVIEW_EXPLANATIONS.ID).fetchSingle().getId();
        return new Explanation(id, lineKey, version, author, text, at);
    }

    /** Every explanation of a review, per line oldest version first. */
    public List<Explanation> explanations(long reviewId) {
        return dsl.selectFrom(REVIEW_EXPLANATIONS).where(REVIEW_EXPLANATIONS.REVIEW_ID.eq(reviewId))
                .orderBy(REVIEW_EXPLANATIONS.LINE_KEY, REVIEW_EXPLANATIONS.VERSION).fetch()
                .map(r -> new Explanation(r.getId(), r.getLineKey(), r.getVersion(), r.getAuthor(), r.getBody(),
                        ReviewRepository.instant(r.getWrittenAt())));
    }

    public Proposal propose(long reviewId, String lineKey, BigDecimal amount, String currency, String note,
                            String by, Instant at) {
        int version = 1 + dsl.select(DSL.coalesce(DSL.max(REVIEW_PROPOSALS.VERSION), 0)).from(REVIEW_PROPOSALS)
                .where(REVIEW_PROPOSALS.REVIEW_ID.eq(reviewId).and(REVIEW_PROPOSALS.LINE_KEY.eq(lineKey)))
                .fetchSingle().value1();
        long id = dsl.insertInto(REVIEW_PROPOSALS).set(REVIEW_PROPOSALS.REVIEW_ID, reviewId)
                .set(REVIEW_PROPOSALS.LINE_KEY, lineKey).set(REVIEW_PROPOSALS.VERSION, version)
                .set(REVIEW_PROPOSALS.AMOUNT, amount).set(REVIEW_PROPOSALS.CURRENCY, currency)
                .set(REVIEW_PROPOSALS.NOTE, note).set(REVIEW_PROPOSALS.PROPOSED_BY, by)
                .set(REVIEW_PROPOSALS.PROPOSED_AT, ReviewRepository.utc(at))
                .set(REVIEW_PROPOSALS.DECISION, Proposal.Decision.PENDING.name())
                .returning(REVIEW_PROPOSALS.ID).fetchSingle().getId();
        return proposal(id).orElseThrow();
    }

    public Optional<Proposal> proposal(long id) {
        return dsl.selectFrom(REVIEW_PROPOSALS).where(REVIEW_PROPOSALS.ID.eq(id)).fetchOptional()
                .map(ReviewNotes::toProposal);
    }

    public Optional<Long> proposalReview(long id) {
        return dsl.select(REVIEW_PROPOSALS.REVIEW_ID).from(REVIEW_PROPOSALS).where(REVIEW_PROPOSALS.ID.eq(id))
                .fetchOptional(REVIEW_PROPOSALS.REVIEW_ID);
    }

    /** Records finance's decision on a pending proposal; false when it was decided already. */
    public boolean decide(long id, Proposal.Decision decision, String by, String note, Instant at) {
        return dsl.update(REVIEW_PROPOSALS).set(REVIEW_PROPOSALS.DECISION, decision.name())
                .set(REVIEW_PROPOSALS.DECIDED_BY, by).set(REVIEW_PROPOSALS.DECIDED_AT, ReviewRepository.utc(at))
                .set(REVIEW_PROPOSALS.DECISION_NOTE, note)
                .where(REVIEW_PROPOSALS.ID.eq(id).and(REVIEW_PROPOSALS.DECISION.eq(Proposal.Decision.PENDING.name())))
                .execute() == 1;
    }

    public List<Proposal> proposals(long reviewId) {
        return dsl.selectFrom(REVIEW_PROPOSALS).where(REVIEW_PROPOSALS.REVIEW_ID.eq(reviewId))
                .orderBy(REVIEW_PROPOSALS.LINE_KEY, REVIEW_PROPOSALS.VERSION).fetch().map(ReviewNotes::toProposal);
    }

    public void reopened(long reviewId, int signoffNo, String reason, String by, Instant at) {
        dsl.insertInto(REVIEW_REOPENINGS).set(REVIEW_REOPENINGS.REVIEW_ID, reviewId)
                .set(REVIEW_REOPENINGS.SIGNOFF_NO, signoffNo).set(REVIEW_REOPENINGS.REASON, reason)
                .set(REVIEW_REOPENINGS.REOPENED_BY, by).set(REVIEW_REOPENINGS.REOPENED_AT, ReviewRepository.utc(at))
                .execute();
    }

    public List<Reopening> reopenings(long reviewId) {
        return dsl.selectFrom(REVIEW_REOPENINGS).where(REVIEW_REOPENINGS.REVIEW_ID.eq(reviewId))
                .orderBy(REVIEW_REOPENINGS.ID).fetch().map(r -> new Reopening(r.getSignoffNo(), r.getReason(),
                        r.getReopenedBy(), ReviewRepository.instant(r.getReopenedAt())));
    }

    private static Proposal toProposal(ReviewProposalsRecord r) {
        return new Proposal(r.getId(), r.getLineKey(), r.getVersion(), r.getAmount(), r.getCurrency(), r.getNote(),
                r.getProposedBy(), ReviewRepository.instant(r.getProposedAt()),
                Proposal.Decision.valueOf(r.getDecision()), r.getDecidedBy(),
                ReviewRepository.instant(r.getDecidedAt()), r.getDecisionNote());
    }
}
