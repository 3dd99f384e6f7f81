package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static dev.burnrate.portal.db.Tables.NOTIFICATIONS;
import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;
import static dev.burnrate.portal.db.Tables.USER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.RunAs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The approval queue through the service of the running portal: an approver pages through all 230 requests of their
 * team (more than the 200 the queue used to load, with another team's requests newer than all of them) and sees no
 * other team's, and the page shows them 20 at a time with "Load more"; one person holding APPROVER and FINANCE
 * cannot give both verdicts of a two-step approval; after the first verdict everyone is told whose verdict the
 * request now waits for; an admin can unblock a request from the queue under the same rules, audited.
 */
class ApprovalQueueServiceIT extends ProvisioningTestBase {

    @Autowired
    ApprovalService approvals;
    @Autowired
    RequestRepository requests;
    @Autowired
    DecisionLog decisions;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationContext app;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private <T> T as(String user, Supplier<T> work, Role... roles) {
        return RunAs.user(app, user, work, roles);
    }

    /** A team whose members are approvers who can log in (password = user name, as for the demo users). */
    private long teamWith(String team, String... members) {
        long teamId = dsl.insertInto(TEAMS).set(TEAMS.NAME, team).returning().fetchSingle().getId();
        for (String member : members) {
            long userId = dsl.insertInto(USERS).set(USERS.USERNAME, member).set(USERS.DISPLAY_NAME, member)
                    .set(USERS.PASSWORD_HASH, "{noop}" + member).returning().fetchSingle().getId();
            dsl.insertInto(TEAM_MEMBERS).set(TEAM_MEMBERS.TEAM_ID, teamId).set(TEAM_MEMBERS.USER_ID, userId).execute();
            dsl.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, userId).set(USER_ROLES.ROLE, Role.APPROVER.name())
                    .execute();
        }
        return teamId;
    }

    private String pending(long teamId, String team, int n, boolean needsFinance, Instant at) {
        return pending(teamId, team, n, needsFinance, at, "eve");
    }

    private String pending(long teamId, String team, int n, boolean needsFinance, Instant at, String requester) {
        String id = team + "-" + n;
        long decision = decisions.record(DecisionKind.REQUEST, id, team, "eve", Decision.of(List.of(), List.of(),
                List.of()), Map.of(), at);
        RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, team, null, "train-" + n, "aws", "eu-north-1",
                "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 24.0, "internal", Map.of(), true, true, true, false);
        requests.insert(id, teamId, requester, draft, new Estimate(58.89, 1413.36, 1413.36, 42_989.7, "list prices"),
                "REQUIRE_APPROVAL", RequestState.PENDING_APPROVAL, needsFinance, decision, at);
        return id;
    }

    @Test
    void anApproverPagesThroughAllOfTheirTeamsRequestsAndNoneOfAnotherTeams() {
        String mine = "queue-mine-" + run;
        String other = "queue-other-" + run;
        String approver = "qa-" + run;
        Instant old = Instant.now().minusSeconds(86_400 * 30);
        List<String> expected = new ArrayList<>();
        List<String> others = new ArrayList<>();
        dsl.transaction(tx -> {
            long mineId = teamWith(mine, approver);
            long otherId = teamWith(other);
            for (int n = 0; n < 230; n++) {
                expected.add(pending(mineId, mine, n, false, old.plusSeconds(n)));
            }
            for (int n = 0; n < 210; n++) {
                others.add(pending(otherId, other, n, false, Instant.now().minusSeconds(n)));
            }
        });

        List<String> seen = new ArrayList<>();
        ApprovalQueuePage slice;
        int offset = 0;
        do {
            int from = offset;
            slice = as(approver, () -> approvals.queue(from, ApprovalsView.PAGE_SIZE * 3), Role.APPROVER);
            assertThat(slice.total()).isEqualTo(230);
            slice.items().forEach(item -> seen.add(item.request().id()));
            offset += slice.items().size();
        } while (slice.hasMore());

        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotContainAnyElementsOf(others);
        assertThat(seen.getFirst()).as("newest first").isEqualTo(mine + "-229");

        loginAs(approver);
        open("approvals");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#queue-summary"))
                .hasText("Showing 20 of 230 requests waiting for your decision, newest first.");
        assertThat(page.locator(".approval-card").count()).isEqualTo(ApprovalsView.PAGE_SIZE);
        page.locator("#queue-load-more").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#queue-summary"))
                .hasText("Showing 40 of 230 requests waiting for your decision, newest first.");
        assertThat(page.locator(".approval-card").count()).isEqualTo(2 * ApprovalsView.PAGE_SIZE);
        assertThat(page.locator(".approval-card h3").allTextContents()).allMatch(title -> title.endsWith(mine));
        screenshot("approvals-load-more");
    }

    @Test
    void onePersonWithBothRolesCannotGiveBothVerdicts() {
        String team = "four-eyes-" + run;
        String both = "pat-" + run;
        long teamId = teamWith(team, both);
        String id = pending(teamId, team, 1, true, Instant.now());

        as(both, () -> approvals.approve(id, "fine by the team"), Role.APPROVER, Role.FINANCE);

        assertThat(as(both, () -> approvals.queue(0, 500), Role.APPROVER, Role.FINANCE).items())
                .extracting(p -> p.request().id()).doesNotContain(id);
        assertThatThrownBy(() -> as(both, () -> approvals.approve(id, "and by finance"), Role.APPROVER,
                Role.FINANCE)).isInstanceOf(ApprovalConflict.class)
                .hasMessage("You gave the APPROVER verdict on request " + id + " already; the other verdict must come"
                        + " from another person");
        assertThat(as("finance", () -> approvals.queue(0, 500), Role.FINANCE).items())
                .extracting(p -> p.request().id()).contains(id);
        StoredRequest after = as("finance", () -> approvals.approve(id, "budget checked"), Role.FINANCE);
        assertThat(after.state()).isNotEqualTo(RequestState.PENDING_APPROVAL);
    }

    @Test
    void afterTheApproverTheRequestSaysItWaitsForFinanceAndWhoCanGiveIt() {
        String team = "next-" + run;
        String approver = "na-" + run;
        long teamId = teamWith(team, approver);
        String id = pending(teamId, team, 1, true, Instant.now());
        assertThat(as(approver, () -> approvals.nextStep(id), Role.APPROVER))
                .startsWith("now waits for approval by an approver of team " + team + " (" + approver);

        assertThatThrownBy(() -> as("stranger-" + run, () -> approvals.nextStep(id), Role.APPROVER))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        as(approver, () -> approvals.approve(id, "fine by the team"), Role.APPROVER);

        String next = as(approver, () -> approvals.nextStep(id), Role.APPROVER);
        assertThat(next).startsWith("now waits for approval by finance (").contains("finance")
                .endsWith(", or an admin).").doesNotContain(approver).doesNotContain("approver of team");
        assertThat(dsl.fetchExists(NOTIFICATIONS, NOTIFICATIONS.RECIPIENT.eq("eve")
                .and(NOTIFICATIONS.BODY.contains("now waits for approval by finance"))
                .and(NOTIFICATIONS.TITLE.eq("Approved by approver: train-1")))).isTrue();
    }

    @Test
    void anAdminUnblocksARequestFromTheQueueButNeverTheirOwnAndGivesOnlyOneVerdict() {
        String team = "unblock-" + run;
        long teamId = teamWith(team);
        String stuck = pending(teamId, team, 1, true, Instant.now());
        String own = pending(teamId, team, 2, false, Instant.now(), "admin");

        List<String> queue = as("admin", () -> approvals.queue(0, 500), Role.ADMIN).items().stream()
                .map(p -> p.request().id()).toList();
        assertThat(queue).contains(stuck).doesNotContain(own);
        assertThatThrownBy(() -> as("admin", () -> approvals.approve(own, "mine"), Role.ADMIN))
                .isInstanceOf(ApprovalConflict.class);

        // Nobody approves for this team: the admin gives the approver's verdict, finance still has to give theirs.
        StoredRequest half = as("admin", () -> approvals.approve(stuck, "unblocking"), Role.ADMIN);
        assertThat(half.state()).isEqualTo(RequestState.PENDING_APPROVAL);
        assertThat(as("admin", () -> approvals.queue(0, 500), Role.ADMIN).items())
                .extracting(p -> p.request().id()).doesNotContain(stuck);
        assertThatThrownBy(() -> as("admin", () -> approvals.approve(stuck, "and finance"), Role.ADMIN))
                .isInstanceOf(ApprovalConflict.class);
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTOR.eq("admin")
                .and(AUDIT_LOG.ACTION.eq("approval.approve")).and(AUDIT_LOG.TARGET.eq("request:" + stuck))
                .and(AUDIT_LOG.AFTER_JSON.contains("ADMIN")))).isTrue();
        StoredRequest done = as("finance", () -> approvals.approve(stuck, "budget checked"), Role.FINANCE);
        assertThat(done.state()).isNotEqualTo(RequestState.PENDING_APPROVAL);

        // The page opens for an admin.
        String waiting = pending(teamId, team, 3, false, Instant.now());
        loginAs("admin");
        open("approvals");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#approval-" + waiting))
                .isVisible();
        page.locator("#approval-" + waiting + " vaadin-text-field input").fill("unblocked by admin");
        page.locator("#approve-" + waiting).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions
                .assertThat(page.locator("vaadin-notification-card").last())
                .containsText("Approved train-3: ");
    }
}
