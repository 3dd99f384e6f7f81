package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The approval queue is scoped and paged by the database: with 260 pending requests across three teams (more than
 * the 200 the queue used to load), every approver pages through exactly the requests of their own teams that still
 * need APPROVER, finance through those a budget sent to finance, and nobody sees their own requests or a request
 * they gave a verdict on. On H2 and PostgreSQL.
 */
class ApprovalQueueScopeIT {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private record Stored(String id, String team, String requestedBy, boolean needsFinance) {
    }

    private static long team(DSLContext dsl, String name) {
        return dsl.insertInto(TEAMS).set(TEAMS.NAME, name).returning().fetchSingle().getId();
    }

    private static void user(DSLContext dsl, String name, long... teams) {
        long id = dsl.insertInto(USERS).set(USERS.USERNAME, name).set(USERS.DISPLAY_NAME, name)
                .set(USERS.PASSWORD_HASH, "{noop}x").returning().fetchSingle().getId();
        for (long team : teams) {
            dsl.insertInto(TEAM_MEMBERS).set(TEAM_MEMBERS.TEAM_ID, team).set(TEAM_MEMBERS.USER_ID, id).execute();
        }
    }

    private static Stored request(DSLContext dsl, int n, long teamId, String team, String requestedBy,
                                  boolean needsFinance) {
        String id = "req-" + n;
        long decision = new DecisionLog(dsl).record(DecisionKind.REQUEST, id, team, requestedBy,
                Decision.of(List.of(), List.of(), List.of()), Map.of(), T0);
        RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, team, null, "train-" + n, "aws", "eu-north-1",
                "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 24.0, "internal", Map.of(), true, true, true, false);
        // Every request at its own second, some at the same second as another (ties are broken by id).
        new RequestRepository(dsl).insert(id, teamId, requestedBy, draft,
                new Estimate(58.89, 1413.36, 1413.36, 42_989.7, "list prices"), "REQUIRE_APPROVAL",
                RequestState.PENDING_APPROVAL, needsFinance, decision, T0.plusSeconds(n / 2));
        return new Stored(id, team, requestedBy, needsFinance);
    }

    /** Pages through the queue 37 at a time; fails on a request seen twice. */
    private static List<String> pageThrough(DSLContext dsl, Condition scope) {
        RequestRepository requests = new RequestRepository(dsl);
        List<String> seen = new ArrayList<>();
        for (int offset = 0; ; offset += 37) {
            List<StoredRequest> page = requests.findPage(scope, offset, 37);
            page.forEach(r -> seen.add(r.id()));
            if (page.size() < 37) {
                break;
            }
        }
        assertThat(new HashSet<>(seen)).as("no request on two pages").hasSize(seen.size());
        assertThat(requests.count(scope)).isEqualTo(seen.size());
        return seen;
    }

    /** 260 pending requests in three teams, four users and a few verdicts given already (see the test). */
    private static List<Stored> store(DSLContext dsl) {
        long research = team(dsl, "research");
        long inference = team(dsl, "inference");
        long platform = team(dsl, "platform");
        user(dsl, "ada", research);
        user(dsl, "bo", inference, platform);
        user(dsl, "fin");
        user(dsl, "both", research);
        List<Stored> all = new ArrayList<>();
        for (int n = 0; n < 260; n++) {
            long teamId = n % 3 == 0 ? research : n % 3 == 1 ? inference : platform;
            String team = n % 3 == 0 ? "research" : n % 3 == 1 ? "inference" : "platform";
            String requester = n % 20 == 0 ? "ada" : n % 20 == 1 ? "bo" : "eve";
            all.add(request(dsl, n, teamId, team, requester, n % 4 == 0));
        }
        ApprovalRepository approvals = new ApprovalRepository(dsl);
        // Decided already: APPROVER on req-3 and req-6 (research) by ada; FINANCE on req-8 by fin; and "both" gave
        // the APPROVER verdict on req-12 (research, needs finance), so finance must come from someone else.
        approvals.insert("req-3", ApproverRole.APPROVER, true, "ada", null, T0);
        approvals.insert("req-6", ApproverRole.APPROVER, true, "ada", null, T0);
        approvals.insert("req-8", ApproverRole.FINANCE, true, "fin", null, T0);
        approvals.insert("req-12", ApproverRole.APPROVER, true, "both", null, T0);

        return all;
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void eachApproverPagesThroughAllOfTheirTeamsRequestsAndNoneOfOthers(TestDatabase db) {
        List<Stored> all = db.dsl().transactionResult(tx -> store(tx.dsl()));
        DSLContext dsl = db.dsl();
        Set<String> approverDone = Set.of("req-3", "req-6", "req-12");
        Set<String> financeDone = Set.of("req-8");

        List<String> ada = pageThrough(dsl, ApprovalQueueScope.forUser("ada", true, false));
        assertThat(ada).containsExactlyInAnyOrderElementsOf(all.stream()
                .filter(r -> r.team().equals("research") && !r.requestedBy().equals("ada"))
                .filter(r -> !approverDone.contains(r.id())).map(Stored::id).toList());
        assertThat(ada).hasSizeGreaterThan(70);

        List<String> bo = pageThrough(dsl, ApprovalQueueScope.forUser("bo", true, false));
        assertThat(bo).hasSizeGreaterThan(160).containsExactlyInAnyOrderElementsOf(all.stream()
                .filter(r -> !r.team().equals("research") && !r.requestedBy().equals("bo"))
                .map(Stored::id).toList());

        List<String> fin = pageThrough(dsl, ApprovalQueueScope.forUser("fin", false, true));
        assertThat(fin).containsExactlyInAnyOrderElementsOf(all.stream()
                .filter(r -> r.needsFinance() && !financeDone.contains(r.id())).map(Stored::id).toList());

        List<String> both = pageThrough(dsl, ApprovalQueueScope.forUser("both", true, true));
        assertThat(both).doesNotContain("req-12").contains("req-4", "req-0")
                .containsExactlyInAnyOrderElementsOf(all.stream()
                        .filter(r -> !r.requestedBy().equals("both") && !r.id().equals("req-12"))
                        .filter(r -> (r.team().equals("research") && !approverDone.contains(r.id()))
                                || (r.needsFinance() && !financeDone.contains(r.id())))
                        .map(Stored::id).toList());
        assertThat(pageThrough(dsl, ApprovalQueueScope.forUser("fin", false, true))).contains("req-12");

        assertThat(new RequestRepository(dsl).findPage(ApprovalQueueScope.forUser("ada", true, false), 0, 3))
                .as("newest first").extracting(StoredRequest::id).containsExactly("req-258", "req-255", "req-252");
    }
}
