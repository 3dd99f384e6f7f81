package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.ALERTS;
import static dev.burnrate.portal.db.Tables.POLICIES;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;

import dev.burnrate.api.ResourceState;
import dev.burnrate.portal.budget.Money;
import dev.burnrate.portal.home.OverviewFigure;
import dev.burnrate.portal.home.OverviewProvider;
import dev.burnrate.portal.security.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Overview figures for provisioning and policies, limited to the user's teams. */
@Component
class ProvisioningOverview implements OverviewProvider {

    private final DSLContext dsl;
    private final CurrentUser currentUser;
    private final CloudProviders providers;

    ProvisioningOverview(DSLContext dsl, CurrentUser currentUser, CloudProviders providers) {
        this.dsl = dsl;
        this.currentUser = currentUser;
        this.providers = providers;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverviewFigure> figures() {
        var running = RESOURCES.STATE.in(ResourceState.PROVISIONING.name(), ResourceState.RUNNING.name())
                .and(currentUser.teamScope(RESOURCES.TEAM_ID));
        int count = dsl.fetchCount(RESOURCES, running);
        BigDecimal rate = dsl.select(DSL.sum(RESOURCES.HOURLY_COST)).from(RESOURCES).where(running)
                .fetchOne(0, BigDecimal.class);
        int pending = dsl.fetchCount(PROVISIONING_REQUESTS, PROVISIONING_REQUESTS.STATE
                .eq(RequestState.PENDING_APPROVAL.name()).and(currentUser.teamScope(PROVISIONING_REQUESTS.TEAM_ID)));
        int alerts = dsl.fetchCount(ALERTS, ALERTS.RESOLVED_AT.isNull().and(currentUser.seesAllTeams()
                ? DSL.trueCondition() : currentUser.teamScope(ALERTS.TEAM_ID)));
        return List.of(
                new OverviewFigure("Provisioning", "Running resources", String.valueOf(count),
                        Money.perHour(rate == null ? 0 : rate.doubleValue()) + " now", "resources"),
                new OverviewFigure("Provisioning", "Waiting for approval", String.valueOf(pending), null, "approvals"),
                new OverviewFigure("Provisioning", "Cloud providers", String.valueOf(providers.all().size()),
                        providers.all().isEmpty() ? "No provider plugin loaded" : null, "provision"),
                new OverviewFigure("Policies", "Enabled policies",
                        String.valueOf(dsl.fetchCount(POLICIES, POLICIES.ENABLED.isTrue())), null, "policies"),
                new OverviewFigure("Policies", "Open alerts", String.valueOf(alerts), null, "alerts"));
    }
}
