package dev.burnrate.portal.review;

import static dev.burnrate.portal.db.Tables.ANOMALIES;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.budget.plan.BudgetPlanRepository;
import dev.burnrate.portal.budget.plan.BudgetScope;
import dev.burnrate.portal.finance.BillingData;
import dev.burnrate.portal.finance.Cents;
import dev.burnrate.portal.finance.DataVersions;
import dev.burnrate.portal.finance.SpendRow;
import dev.burnrate.portal.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drill-down from a review line to what drove it. Reads the versions the review's figures came from (a signed
 * review's pinned versions), restricted to the line's scope; team scoping applies as everywhere.
 */
@Service
public class ReviewDrilldown {

    private static final int TOP = 5;
    private static final List<Dim> DIMENSIONS = List.of(new Dim("Service", GroupKey.dimension("ServiceName")),
            new Dim("Billing account", GroupKey.dimension("BillingAccountId")),
            new Dim("Region", GroupKey.dimension("RegionId")), new Dim("Resource", GroupKey.dimension("ResourceId")),
            new Dim("Project tag", GroupKey.tag(BudgetScope.PROJECT_TAG)));

    private record Dim(String label, GroupKey key) {
    }

    private final ReviewService reviews;
    private final BudgetPlanRepository plans;
    private final BillingData billing;
    private final CurrentUser user;
    private final DSLContext dsl;

    ReviewDrilldown(ReviewService reviews, BudgetPlanRepository plans, BillingData billing, CurrentUser user,
                    DSLContext dsl) {
        this.reviews = reviews;
        this.plans = plans;
        this.billing = billing;
        this.user = user;
        this.dsl = dsl;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Drilldown drill(long reviewId, String lineKey) {
        ReviewSheet sheet = reviews.sheet(reviewId);
        ReviewLine line = sheet.line(lineKey);
        ReviewPeriod period = sheet.review().period();
        BudgetScope scope = scopeOf(line);
        String note = switch (line.kind()) {
            case UNCOVERED, OVERLAP, TOTAL -> "Drivers of all " + line.currency() + " spend of the period.";
            case BUDGET -> "Drivers of the spend in the budget's own scope (" + scope + ").";
            default -> "Drivers of the spend of " + scope + ".";
        };
        List<Drilldown.Mover> movers = new ArrayList<>();
        List<Drilldown.Mover> added = new ArrayList<>();
        List<Drilldown.Mover> removed = new ArrayList<>();
        for (Dim dim : DIMENSIONS) {
            Map<String, BigDecimal> now = spend(sheet.versions(), scope, line, dim, period);
            Map<String, BigDecimal> before = spend(sheet.versions(), scope, line, dim, period.previous());
            Set<String> keys = new HashSet<>(now.keySet());
            keys.addAll(before.keySet());
            List<Drilldown.Mover> all = keys.stream().map(k -> new Drilldown.Mover(dim.label(), k,
                    before.getOrDefault(k, BigDecimal.ZERO), now.getOrDefault(k, BigDecimal.ZERO))).toList();
            all.stream().sorted(Comparator.comparing((Drilldown.Mover m) -> m.change().abs()).reversed()
                    .thenComparing(Drilldown.Mover::value)).limit(TOP).forEach(movers::add);
            if (dim.label().equals("Resource")) {
                all.stream().filter(m -> !before.containsKey(m.value()))
                        .sorted(Comparator.comparing(Drilldown.Mover::current).reversed()).limit(10)
                        .forEach(added::add);
                all.stream().filter(m -> !now.containsKey(m.value()))
                        .sorted(Comparator.comparing(Drilldown.Mover::previous).reversed()).limit(10)
                        .forEach(removed::add);
            }
        }
        return new Drilldown(line.key(), line.label(), line.currency(), period, period.previous(), movers, added,
                removed, anomalies(line, period), committed(line, period), note);
    }

    /** The scope a line's spend is read in: the budget's, the team's or the project's; null for all spend. */
    private BudgetScope scopeOf(ReviewLine line) {
        return switch (line.kind()) {
            case BUDGET -> plans.find(line.budgetId()).map(p -> p.scope()).orElseThrow(
                    () -> new IllegalArgumentException("The budget " + line.budgetId() + " no longer exists"));
            case TEAM -> new BudgetScope(BudgetScope.Kind.TEAM, line.team());
            case PROJECT -> new BudgetScope(BudgetScope.Kind.PROJECT,
                    line.key().substring("project:".length(), line.key().lastIndexOf(':')));
            default -> null;
        };
    }

    private Map<String, BigDecimal> spend(DataVersions versions, BudgetScope scope, ReviewLine line, Dim dim,
                                          ReviewPeriod period) {
        List<SpendRow> rows = billing.sum(versions, teamTag -> {
            UsageQuery.Builder q = UsageQuery.builder().between(
                    period.start().atStartOfDay().toInstant(ZoneOffset.UTC),
                    period.end().atStartOfDay().toInstant(ZoneOffset.UTC)).groupBy(dim.key())
                    .sum(line.metric().metric());
            return (scope == null ? q : scope.applyTo(q, teamTag)).build();
        });
        Map<String, BigDecimal> out = new HashMap<>();
        for (SpendRow r : rows) {
            if (r.currency().equals(line.currency())) {
                String key = r.keys().getFirst() == null || r.keys().getFirst().equals(UsageQuery.NULL)
                        ? "(none)" : r.keys().getFirst();
                out.merge(key, r.amount(), BigDecimal::add);
            }
        }
        return out;
    }

    private Condition teamOf(ReviewLine line, org.jooq.Field<Long> teamId) {
        Condition visible = user.teamScope(teamId);
        if (line.team() == null) {
            return visible;
        }
        return visible.and(teamId.in(DSL.select(TEAMS.ID).from(TEAMS).where(TEAMS.NAME.eq(line.team()))));
    }

    private List<Drilldown.PeriodAnomaly> anomalies(ReviewLine line, ReviewPeriod period) {
        return dsl.selectFrom(ANOMALIES).where(teamOf(line, ANOMALIES.TEAM_ID)
                        .and(ANOMALIES.PERIOD_START.ge(period.start().atStartOfDay().atOffset(ZoneOffset.UTC)))
                        .and(ANOMALIES.PERIOD_START.lt(period.end().atStartOfDay().atOffset(ZoneOffset.UTC))))
                .orderBy(ANOMALIES.PERIOD_START).limit(50).fetch()
                .map(a -> new Drilldown.PeriodAnomaly(a.getId(), a.getSeriesLabel(), a.getPeriodStart().toInstant(),
                        a.getExpected(), a.getActual(), a.getCurrency(), a.getStatus()));
    }

    private List<Drilldown.CommittedRequest> committed(ReviewLine line, ReviewPeriod period) {
        Condition inScope = teamOf(line, PROVISIONING_REQUESTS.TEAM_ID);
        if (line.kind() == LineKind.PROJECT) {
            inScope = inScope.and(PROVISIONING_REQUESTS.PROJECT.eq(scopeOf(line).value()));
        }
        return dsl.select(PROVISIONING_REQUESTS.ID, PROVISIONING_REQUESTS.NAME, TEAMS.NAME,
                        PROVISIONING_REQUESTS.STATE, PROVISIONING_REQUESTS.EXPECTED_TOTAL,
                        PROVISIONING_REQUESTS.ESTIMATE_CURRENCY, PROVISIONING_REQUESTS.REQUESTED_BY,
                        PROVISIONING_REQUESTS.CREATED_AT)
                .from(PROVISIONING_REQUESTS).join(TEAMS).on(TEAMS.ID.eq(PROVISIONING_REQUESTS.TEAM_ID))
                .where(inScope.and(PROVISIONING_REQUESTS.STATE.in("APPROVED", "PROVISIONING", "PROVISIONED"))
                        .and(PROVISIONING_REQUESTS.CREATED_AT.ge(period.start().atStartOfDay()
                                .atOffset(ZoneOffset.UTC)))
                        .and(PROVISIONING_REQUESTS.CREATED_AT.lt(period.end().atStartOfDay()
                                .atOffset(ZoneOffset.UTC))))
                .orderBy(PROVISIONING_REQUESTS.CREATED_AT).limit(100).fetch()
                .map(r -> new Drilldown.CommittedRequest(r.value1(), r.value2(), r.value3(), r.value4(),
                        Cents.round(r.value5()), r.value6(), r.value7(), r.value8().toInstant()));
    }
}
