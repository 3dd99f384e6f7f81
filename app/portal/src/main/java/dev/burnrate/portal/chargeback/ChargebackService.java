package dev.burnrate.portal.chargeback;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.chargeback.ChargebackAllocator.TeamCost;
import dev.burnrate.portal.finance.BillingData;
import dev.burnrate.portal.finance.Cents;
import dev.burnrate.portal.finance.DataVersions;
import dev.burnrate.portal.finance.SpendRow;
import dev.burnrate.portal.report.ReportDocument;
import dev.burnrate.portal.review.PeriodSignOffs;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Showback and chargeback per team for a month: each team's direct cost, its part of the shared cost split by the
 * {@link ChargebackRule}, billed and amortised, one statement per currency, adding up to the invoice to the cent.
 * FINANCE and ADMIN edit the rule (audited); everyone reads statements, ENGINEER and APPROVER only their teams'
 * lines (shared cost is split over all teams' data, so the figures are computed with full access and then filtered).
 */
@Service
public class ChargebackService {

    private final BillingData billing;
    private final ChargebackRuleRepository rules;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PeriodSignOffs signOffs;

    public ChargebackService(BillingData billing, ChargebackRuleRepository rules, CurrentUser currentUser,
                             AuditService audit, TransactionTemplate tx, Clock clock, PeriodSignOffs signOffs) {
        this.signOffs = signOffs;
        this.billing = billing;
        this.rules = rules;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The rule statements are split by now. */
    @PermitAll
    public ChargebackRule rule() {
        return rules.find();
    }

    /** Whether the signed-in user may change the rule (FINANCE, ADMIN). */
    @PermitAll
    public boolean canEditRule() {
        return currentUser.hasRole(Role.FINANCE) || currentUser.hasRole(Role.ADMIN);
    }

    /**
     * Saves a rule edited from {@code edited.version()}. A rule with problems ({@link ChargebackRule#problems()})
     * is refused with all of them; an edit of a version someone else replaced is refused too. Audited.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public ChargebackRule saveRule(ChargebackRule edited) {
        List<String> problems = edited.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        return tx.execute(status -> {
            ChargebackRule before = rules.find();
            if (!rules.save(edited, currentUser.actor(), clock.instant())) {
                throw new IllegalStateException("The chargeback rule was changed by someone else meanwhile;"
                        + " reload it and make your change again.");
            }
            ChargebackRule after = rules.find();
            audit.record("chargeback.rule", "chargeback:rule", before.version() == 0 ? null : describe(before),
                    describe(after));
            return after;
        });
    }

    private static Map<String, Object> describe(ChargebackRule rule) {
        Map<String, Object> out = new TreeMap<>();
        out.put("split", rule.split().name());
        out.put("sharedTeams", List.copyOf(rule.sharedTeams()));
        out.put("splitUntagged", rule.splitUntagged());
        Map<String, String> shares = new TreeMap<>();
        rule.fixedShares().forEach((team, percent) -> shares.put(team, percent.toPlainString()));
        out.put("fixedShares", shares);
        out.put("version", rule.version());
        return out;
    }

    /** The last 13 months up to the current one, newest first, for the period picker. */
    @PermitAll
    public List<YearMonth> recentMonths() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            months.add(now.minusMonths(i));
        }
        return months;
    }

    /**
     * The month's statements, one per currency: over the data versions its budget review signed when the month is
     * signed (so a statement never disagrees with the signed review, whatever was imported since), else over the
     * billing data finance reads now.
     */
    @PermitAll
    public List<ChargebackStatement> statements(YearMonth month) {
        DataVersions versions = signOffs.of(month).signedVersions()
                .orElseGet(() -> SystemRunner.callAsSystem(billing::current));
        return statements(month, versions);
    }

    /** The sign-off state of the month's budget review, as the statement's exports print it. */
    @PermitAll
    public String signOffState(YearMonth month) {
        return signOffs.of(month).state();
    }

    /**
     * The month's statements over pinned data versions (a signed review recomputes from the versions it
     * recorded), one per currency, by the current rule. Readers who do not see all teams get their teams' lines.
     */
    @PermitAll
    public List<ChargebackStatement> statements(YearMonth month, DataVersions versions) {
        boolean all = currentUser.seesAllTeams();
        Set<String> mine = all ? Set.of() : rules.teamNames(currentUser.teamIds());
        ChargebackRule rule = rules.find();
        Map<String, Map<String, TeamCost>> byCurrency = SystemRunner.callAsSystem(() -> costs(month, versions));
        List<ChargebackStatement> out = new ArrayList<>();
        for (var e : new TreeMap<>(byCurrency).entrySet()) {
            List<ChargebackLine> lines = ChargebackAllocator.allocate(rule, e.getValue());
            BigDecimal invoice = Cents.round(e.getValue().values().stream().map(TeamCost::billed)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal effective = Cents.round(e.getValue().values().stream().map(TeamCost::effective)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            if (!all) {
                lines = lines.stream().filter(l -> l.team() != null && mine.contains(l.team())).toList();
            }
            out.add(new ChargebackStatement(month, e.getKey(), rule, versions, lines, invoice, effective, !all));
        }
        return out;
    }

    /** Exact BilledCost and EffectiveCost per currency and team tag (null: untagged) of the month. */
    private Map<String, Map<String, TeamCost>> costs(YearMonth month, DataVersions versions) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Map<String, TeamCost>> out = new HashMap<>();
        for (Metric metric : List.of(Metric.BILLED_COST, Metric.EFFECTIVE_COST)) {
            List<SpendRow> rows = billing.sum(versions, tagKey -> UsageQuery.builder().between(from, to)
                    .groupBy(GroupKey.tag(tagKey)).sum(metric).build());
            for (SpendRow row : rows) {
                String team = row.keys().getFirst();
                TeamCost add = metric == Metric.BILLED_COST ? new TeamCost(row.amount(), BigDecimal.ZERO)
                        : new TeamCost(BigDecimal.ZERO, row.amount());
                out.computeIfAbsent(row.currency(), c -> new HashMap<>()).merge(team, add,
                        (a, b) -> new TeamCost(a.billed().add(b.billed()), a.effective().add(b.effective())));
            }
        }
        return out;
    }

    /**
     * The statement as a report document for the exports.
     *
     * @param signOffState the sign-off state of the period's review, as the review states it (e.g. "Signed by
     *                     fay on 2026-12-03"); null when no review covers the period
     */
    @PermitAll
    public ReportDocument report(ChargebackStatement statement, String signOffState) {
        return ChargebackReport.document(statement, signOffState);
    }
}
