package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.METERED_USAGE;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.policy.budget.BudgetKey;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Spend from the usage Burnrate meters from the resources it provisioned (table metered_usage). */
@Component
public class MeteredSpend implements SpendSource {

    private static final List<String> BILLED = List.of(ResourceState.PROVISIONING.name(), ResourceState.RUNNING.name());

    private final DSLContext dsl;

    public MeteredSpend(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public double actual(BudgetKey key) {
        Condition inPeriod = METERED_USAGE.CHARGE_PERIOD_START.ge(key.start().atOffset(ZoneOffset.UTC))
                .and(METERED_USAGE.CHARGE_PERIOD_START.lt(key.end().atOffset(ZoneOffset.UTC)));
        Double sum = dsl.select(DSL.sum(METERED_USAGE.BILLED_COST).cast(Double.class)).from(METERED_USAGE)
                .where(inPeriod.and(scope(key, METERED_USAGE.TEAM_ID, METERED_USAGE.PROJECT)))
                .fetchOne(0, Double.class);
        return sum == null ? 0 : sum;
    }

    @Override
    public double runRatePerHour(BudgetKey key) {
        Double sum = dsl.select(DSL.sum(RESOURCES.HOURLY_COST).cast(Double.class)).from(RESOURCES)
                .where(RESOURCES.STATE.in(BILLED).and(scope(key, RESOURCES.TEAM_ID, RESOURCES.PROJECT)))
                .fetchOne(0, Double.class);
        return sum == null ? 0 : sum;
    }

    private static Condition scope(BudgetKey key, Field<Long> teamId, Field<String> project) {
        return switch (key.scope()) {
            case ALL -> DSL.trueCondition();
            case TEAM -> teamId.in(DSL.select(TEAMS.ID).from(TEAMS).where(TEAMS.NAME.eq(key.scopeValue())));
            case PROJECT -> project.eq(key.scopeValue());
        };
    }
}
