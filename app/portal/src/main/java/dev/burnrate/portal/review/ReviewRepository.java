package dev.burnrate.portal.review;

import static dev.burnrate.portal.db.Tables.REVIEWS;
import static dev.burnrate.portal.db.Tables.REVIEW_DATA_VERSIONS;
import static dev.burnrate.portal.db.Tables.REVIEW_LINES;

import dev.burnrate.portal.budget.plan.CostMetric;
import dev.burnrate.portal.budget.plan.PlanGranularity;
import dev.burnrate.portal.db.tables.records.ReviewLinesRecord;
import dev.burnrate.portal.db.tables.records.ReviewsRecord;
import dev.burnrate.portal.finance.Cents;
import dev.burnrate.portal.finance.DataVersions;
import dev.burnrate.portal.finance.PinnedVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Reviews and their sign-off snapshots as stored. No authorisation here: {@link ReviewService} decides. State
 * changes are conditional updates on the version the caller saw, so of two concurrent sign-offs exactly one matches.
 */
@Repository
public class ReviewRepository {

    private final DSLContext dsl;

    public ReviewRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(ReviewPeriod period, String openedBy, Instant at) {
        return dsl.insertInto(REVIEWS).set(REVIEWS.PERIOD_KIND, period.kind().name())
                .set(REVIEWS.PERIOD_START, period.start()).set(REVIEWS.STATE, ReviewState.OPEN.name())
                .set(REVIEWS.OPENED_BY, openedBy).set(REVIEWS.OPENED_AT, utc(at))
                .returning(REVIEWS.ID).fetchSingle().getId();
    }

    public Optional<Review> find(long id) {
        return dsl.selectFrom(REVIEWS).where(REVIEWS.ID.eq(id)).fetchOptional().map(ReviewRepository::toReview);
    }

    public Optional<Review> find(ReviewPeriod period) {
        return dsl.selectFrom(REVIEWS).where(REVIEWS.PERIOD_KIND.eq(period.kind().name())
                        .and(REVIEWS.PERIOD_START.eq(period.start()))).fetchOptional()
                .map(ReviewRepository::toReview);
    }

    /** Every review, newest period first. */
    public List<Review> findAll() {
        return dsl.selectFrom(REVIEWS).orderBy(REVIEWS.PERIOD_START.desc(), REVIEWS.PERIOD_KIND).fetch()
                .map(ReviewRepository::toReview);
    }

    /** Signed reviews whose period overlaps {@code [from, toExclusive)}. */
    public List<Review> signedOverlapping(LocalDate from, LocalDate toExclusive) {
        return dsl.selectFrom(REVIEWS).where(REVIEWS.STATE.eq(ReviewState.SIGNED.name())
                        .and(REVIEWS.PERIOD_START.lt(toExclusive))).fetch().map(ReviewRepository::toReview)
                .stream().filter(r -> r.period().end().isAfter(from)).toList();
    }

    /**
     * Marks the review signed if it is still OPEN at {@code expectedVersion}; false when someone else changed it
     * first (then nothing is written). The caller stores the snapshot in the same transaction.
     */
    public boolean markSigned(long id, int expectedVersion, int signoffNo, String by, Instant at) {
        return dsl.update(REVIEWS).set(REVIEWS.STATE, ReviewState.SIGNED.name()).set(REVIEWS.SIGNED_BY, by)
                .set(REVIEWS.SIGNED_AT, utc(at)).set(REVIEWS.SIGNOFF_NO, signoffNo)
                .set(REVIEWS.VERSION, expectedVersion + 1)
                .where(REVIEWS.ID.eq(id).and(REVIEWS.VERSION.eq(expectedVersion))
                        .and(REVIEWS.STATE.eq(ReviewState.OPEN.name()))).execute() == 1;
    }

    /** Reopens a signed review at {@code expectedVersion}; false when it changed meanwhile. */
    public boolean markReopened(long id, int expectedVersion, String by, Instant at) {
        return dsl.update(REVIEWS).set(REVIEWS.STATE, ReviewState.OPEN.name()).set(REVIEWS.REOPENED_BY, by)
                .set(REVIEWS.REOPENED_AT, utc(at)).set(REVIEWS.VERSION, expectedVersion + 1)
                .where(REVIEWS.ID.eq(id).and(REVIEWS.VERSION.eq(expectedVersion))
                        .and(REVIEWS.STATE.eq(ReviewState.SIGNED.name()))).execute() == 1;
    }

    /** Stores the figures of a sign-off, each rounded half-even to the cent. */
    public void insertSnapshot(long reviewId, int signoffNo, List<ReviewLine> lines, DataVersions versions) {
        for (PinnedVersion v : versions.versions()) {
            dsl.insertInto(REVIEW_DATA_VERSIONS).set(REVIEW_DATA_VERSIONS.REVIEW_ID, reviewId)
                    .set(REVIEW_DATA_VERSIONS.SIGNOFF_NO, signoffNo).set(REVIEW_DATA_VERSIONS.DATASET, v.dataset())
                    .set(REVIEW_DATA_VERSIONS.VERSION_KEY, v.versionKey())
                    .set(REVIEW_DATA_VERSIONS.TEAM_TAG_KEY, v.teamTagKey()).execute();
        }
        int position = 0;
        for (ReviewLine l : lines) {
            ReviewLinesRecord r = dsl.newRecord(REVIEW_LINES);
            r.setReviewId(reviewId);
            r.setSignoffNo(signoffNo);
            r.setPosition(position++);
            r.setLineKey(l.key());
            r.setKind(l.kind().name());
            r.setLabel(l.label());
            r.setBudgetId(l.budgetId());
            r.setParentKey(l.parentKey());
            r.setTeam(l.team());
            r.setOwnerUsername(l.owner());
            r.setCurrency(l.currency());
            r.setCostMetric(l.metric().name());
            r.setPlanAmount(cents(l.plan()));
            r.setActual(cents(l.actual()));
            r.setForecastP10(cents(l.p10()));
            r.setForecastP50(cents(l.p50()));
            r.setForecastP90(cents(l.p90()));
            r.setVariance(cents(l.variance()));
            r.setVariancePercent(cents(l.variancePercent()));
            r.setStatus(l.status() == null ? null : l.status().name());
            r.setForecastModel(l.forecastModel());
            r.setDaily(l.daily().stream().map(d -> Cents.round(d).toPlainString()).collect(Collectors.joining(",")));
            r.insert();
        }
    }

    public List<ReviewLine> snapshot(long reviewId, int signoffNo) {
        return dsl.selectFrom(REVIEW_LINES).where(REVIEW_LINES.REVIEW_ID.eq(reviewId)
                        .and(REVIEW_LINES.SIGNOFF_NO.eq(signoffNo))).orderBy(REVIEW_LINES.POSITION).fetch()
                .map(ReviewRepository::toLine);
    }

    public DataVersions snapshotVersions(long reviewId, int signoffNo) {
        return new DataVersions(dsl.selectFrom(REVIEW_DATA_VERSIONS).where(REVIEW_DATA_VERSIONS.REVIEW_ID
                        .eq(reviewId).and(REVIEW_DATA_VERSIONS.SIGNOFF_NO.eq(signoffNo)))
                .orderBy(REVIEW_DATA_VERSIONS.DATASET).fetch()
                .map(r -> new PinnedVersion(r.getDataset(), r.getVersionKey(), r.getTeamTagKey())));
    }

    private static ReviewLine toLine(ReviewLinesRecord r) {
        List<BigDecimal> daily = r.getDaily().isEmpty() ? List.of()
                : Arrays.stream(r.getDaily().split(",")).map(BigDecimal::new).toList();
        return new ReviewLine(r.getLineKey(), LineKind.valueOf(r.getKind()), r.getLabel(), r.getBudgetId(),
                r.getParentKey(), r.getTeam(), r.getOwnerUsername(), r.getCurrency(),
                CostMetric.valueOf(r.getCostMetric()), r.getPlanAmount(), r.getActual(), r.getForecastP10(),
                r.getForecastP50(), r.getForecastP90(), r.getVariance(), r.getVariancePercent(),
                r.getStatus() == null ? null : LineStatus.valueOf(r.getStatus()), r.getForecastModel(), daily);
    }

    private static Review toReview(ReviewsRecord r) {
        return new Review(r.getId(), new ReviewPeriod(PlanGranularity.valueOf(r.getPeriodKind()), r.getPeriodStart()),
                ReviewState.valueOf(r.getState()), r.getOpenedBy(), instant(r.getOpenedAt()), r.getSignedBy(),
                instant(r.getSignedAt()), r.getReopenedBy(), instant(r.getReopenedAt()), r.getSignoffNo(),
                r.getVersion());
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : Cents.round(amount);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
