package dev.burnrate.portal.review;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Month-end budget reviews: FINANCE (and ADMIN) open a review of a month or quarter; budget owners (APPROVER of the
 * team) explain lines and propose reforecasts, which FINANCE accepts or rejects; only FINANCE signs, which locks the
 * figures (a snapshot with the data versions and forecast models); reopening needs a reason. Every change audited.
 */
@Service
public class ReviewService {

    private static final int MAX_TEXT = 4000;

    private final ReviewRepository reviews;
    private final ReviewNotes notes;
    private final ReviewFigures figures;
    private final ReviewAccess access;
    private final CurrentUser user;
    private final AuditService audit;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, ReviewNotes notes, ReviewFigures figures, ReviewAccess access,
                  CurrentUser user, AuditService audit, Clock clock) {
        this.reviews = reviews;
        this.notes = notes;
        this.figures = figures;
        this.access = access;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    /** The page's default: the last month that has ended. */
    @PermitAll
    public ReviewPeriod defaultPeriod() {
        return ReviewPeriod.lastClosedMonth(figures.today());
    }

    /** Whether the current user may open reviews (FINANCE and ADMIN). */
    @PermitAll
    public boolean mayOpen() {
        return user.hasRole(Role.FINANCE) || user.hasRole(Role.ADMIN);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Review> reviews() {
        return reviews.findAll();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Review> find(ReviewPeriod period) {
        return reviews.find(period);
    }

    /** Opens the review of a period; refused with a clear message when it has no data or is open already. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN})
    @Transactional
    public Review open(ReviewPeriod period) {
        reviews.find(period).ifPresent(r -> {
            throw new IllegalStateException("The review of " + period.label() + " exists already ("
                    + r.state().name().toLowerCase() + ")");
        });
        ReviewFigures.Live live = figures.compute(period);
        long id;
        try {
            id = reviews.insert(period, user.requireUsername(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ReviewConflict("Someone else opened the review of " + period.label() + " just now: reload");
        }
        audit.record("review.open", target(period), null, Map.of("period", period.label(),
                "dataVersions", live.versions().describe()));
        return reviews.find(id).orElseThrow();
    }

    /** The review as the current user may see it: live figures while open, the signed snapshot once signed. */
    @PermitAll
    @Transactional(readOnly = true)
    public ReviewSheet sheet(long reviewId) {
        Review review = review(reviewId);
        ReviewAccess.Scope scope = access.scope();
        List<ReviewLine> all;
        var versions = review.signed() ? reviews.snapshotVersions(reviewId, review.signoffNo()) : null;
        if (review.signed()) {
            all = reviews.snapshot(reviewId, review.signoffNo());
        } else {
            ReviewFigures.Live live = figures.compute(review.period());
            all = live.lines();
            versions = live.versions();
        }
        List<ReviewLine> lines = scope.visible(all);
        Set<String> keys = lines.stream().map(ReviewLine::key).collect(Collectors.toSet());
        Set<String> explainable = review.signed() ? Set.of() : lines.stream().filter(scope::mayExplain)
                .map(ReviewLine::key).collect(Collectors.toSet());
        boolean finance = user.hasRole(Role.FINANCE);
        return new ReviewSheet(review, lines, versions, ReviewCalculator.models(lines),
                notes.explanations(reviewId).stream().filter(e -> keys.contains(e.lineKey())).toList(),
                notes.proposals(reviewId).stream().filter(p -> keys.contains(p.lineKey())).toList(),
                notes.reopenings(reviewId), lines.size() == all.size(), explainable,
                finance && !review.signed(), review.signed() && (finance || user.hasRole(Role.ADMIN)),
                finance && !review.signed());
    }

    /**
     * A period's live figures without a review (what the budgets API shows as plan, actual and forecast): the lines
     * the user may see, computed as an open review's are.
     *
     * @throws IllegalArgumentException when the period has not started or has no billing data
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ReviewLine> liveLines(ReviewPeriod period) {
        return access.scope().visible(figures.compute(period).lines());
    }

    /** Adds a new version of a line's explanation (earlier versions stay). */
    @RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
    @Transactional
    public Explanation explain(long reviewId, String lineKey, String text) {
        ReviewLine line = writableLine(reviewId, lineKey);
        String body = requireText(text, "The explanation");
        Explanation e;
        try {
            e = notes.explain(reviewId, lineKey, user.requireUsername(), body, clock.instant());
        } catch (DuplicateKeyException clash) {
            throw new ReviewConflict("Someone else saved an explanation of " + line.label()
                    + " at the same moment; reload to read it, then write yours again");
        }
        audit.record("review.explain", target(review(reviewId).period()) + "/" + line.key(), null,
                Map.of("version", e.version(), "text", body));
        return e;
    }

    /** Proposes a reforecast (the expected spend at period end, in the line's currency) for FINANCE to decide. */
    @RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
    @Transactional
    public Proposal propose(long reviewId, String lineKey, BigDecimal amount, String note) {
        ReviewLine line = writableLine(reviewId, lineKey);
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("The reforecast must be an amount of 0 or more, not " + amount);
        }
        if (amount.scale() > 2) {
            throw new IllegalArgumentException("The reforecast " + amount.toPlainString()
                    + " has more than two decimals");
        }
        String cleanNote = note == null || note.isBlank() ? null : requireText(note, "The note");
        Proposal p;
        try {
            p = notes.propose(reviewId, lineKey, amount, line.currency(), cleanNote, user.requireUsername(),
                    clock.instant());
        } catch (DuplicateKeyException clash) {
            throw new ReviewConflict("Someone else proposed a reforecast of " + line.label()
                    + " at the same moment; reload to read it, then propose yours again");
        }
        audit.record("review.propose", target(review(reviewId).period()) + "/" + line.key(), null,
                Map.of("version", p.version(), "amount", amount.toPlainString(), "currency", line.currency()));
        return p;
    }

    /** FINANCE accepts or rejects a pending reforecast proposal of an open review. */
    @RolesAllowed(Role.Names.FINANCE)
    @Transactional
    public Proposal decide(long proposalId, boolean accept, String note) {
        long reviewId = notes.proposalReview(proposalId)
                .orElseThrow(() -> new IllegalArgumentException("No reforecast proposal " + proposalId));
        Review review = review(reviewId);
        requireOpen(review);
        Proposal.Decision decision = accept ? Proposal.Decision.ACCEPTED : Proposal.Decision.REJECTED;
        if (!notes.decide(proposalId, decision, user.requireUsername(), note, clock.instant())) {
            Proposal p = notes.proposal(proposalId).orElseThrow();
            throw new ReviewConflict("This proposal was " + p.decision().name().toLowerCase() + " by "
                    + p.decidedBy() + " already");
        }
        Proposal p = notes.proposal(proposalId).orElseThrow();
        audit.record("review.decide", target(review.period()) + "/" + p.lineKey(), Map.of("decision", "PENDING"),
                Map.of("decision", decision.name(), "version", p.version()));
        return p;
    }

    /**
     * Signs the review the user saw at {@code expectedVersion}: stores every figure with the data versions and
     * forecast models, and locks the period. Of two finance users signing at once one wins; the other gets a
     * {@link ReviewConflict} and nothing of theirs is saved.
     */
    @RolesAllowed(Role.Names.FINANCE)
    @Transactional
    public Review sign(long reviewId, int expectedVersion) {
        Review review = review(reviewId);
        requireOpen(review);
        ReviewFigures.Live live = figures.compute(review.period());
        Instant now = clock.instant();
        int signoff = review.signoffNo() + 1;
        boolean won;
        try {
            won = reviews.markSigned(reviewId, expectedVersion, signoff, user.requireUsername(), now);
        } catch (DataAccessException e) {
            throw new ReviewConflict("Another finance user is signing the review of " + review.period().label()
                    + " right now: reload to see it");
        }
        if (!won) {
            throw new ReviewConflict(conflictMessage(reviewId, review.period()));
        }
        reviews.insertSnapshot(reviewId, signoff, live.lines(), live.versions());
        audit.record("review.sign", target(review.period()), Map.of("state", "OPEN"), Map.of("state", "SIGNED",
                "signoff", signoff, "dataVersions", live.versions().describe(),
                "forecastModels", String.join("; ", ReviewCalculator.models(live.lines()))));
        return review(reviewId);
    }

    /** Reopens a signed review; the reason is kept and audited, the earlier snapshot stays stored. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN})
    @Transactional
    public Review reopen(long reviewId, int expectedVersion, String reason) {
        Review review = review(reviewId);
        if (!review.signed()) {
            throw new IllegalStateException("The review of " + review.period().label() + " is open already");
        }
        String why = requireText(reason, "The reason for reopening");
        if (!reviews.markReopened(reviewId, expectedVersion, user.requireUsername(), clock.instant())) {
            throw new ReviewConflict(conflictMessage(reviewId, review.period()));
        }
        notes.reopened(reviewId, review.signoffNo(), why, user.requireUsername(), clock.instant());
        audit.record("review.reopen", target(review.period()), Map.of("state", "SIGNED"),
                Map.of("state", "OPEN", "reason", why));
        return review(reviewId);
    }

    private String conflictMessage(long reviewId, ReviewPeriod period) {
        Review now = review(reviewId);
        return now.signed() ? "The review of " + period.label() + " was signed by " + now.signedBy()
                + " meanwhile; nothing of yours was saved. Reload to see the signed figures."
                : "The review of " + period.label() + " was changed meanwhile; reload and try again.";
    }

    private ReviewLine writableLine(long reviewId, String lineKey) {
        Review review = review(reviewId);
        requireOpen(review);
        ReviewAccess.Scope scope = access.scope();
        ReviewLine line = figures.compute(review.period()).lines().stream().filter(l -> l.key().equals(lineKey))
                .findFirst().orElse(null);
        if (line == null && scope.all()) {
            throw new IllegalArgumentException("The review of " + review.period().label() + " has no line " + lineKey);
        }
        if (line == null || !scope.mayExplain(line)) {
            throw new AccessDeniedException("You may explain only the lines of "
                    + "your teams' budgets and of budgets you own; " + (line == null ? lineKey : line.label())
                    + " is not one of them");
        }
        return line;
    }

    private static void requireOpen(Review review) {
        if (review.signed()) {
            throw new IllegalStateException("The review of " + review.period().label() + " is signed and locked; "
                    + "finance must reopen it first");
        }
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is " + t.length() + " characters; at most " + MAX_TEXT);
        }
        return t;
    }

    private Review review(long id) {
        return reviews.find(id).orElseThrow(() -> new IllegalArgumentException("No review " + id));
    }

    static String target(ReviewPeriod period) {
        return "review:" + period.label();
    }
}
