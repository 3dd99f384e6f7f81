package dev.burnrate.portal.simulation;

import static dev.burnrate.portal.db.Tables.SIMULATION_RUNS;
import static dev.burnrate.portal.db.Tables.SIMULATION_SCENARIOS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Saved scenarios and their runs. No authorisation here: the service scopes every query to the user's teams. */
@Repository
public class ScenarioRepository {

    private final DSLContext dsl;

    public ScenarioRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insertScenario(long teamId, String name, String kind, String inputsJson, String createdBy,
                               OffsetDateTime at) {
        return dsl.insertInto(SIMULATION_SCENARIOS)
                .set(SIMULATION_SCENARIOS.TEAM_ID, teamId)
                .set(SIMULATION_SCENARIOS.NAME, name)
                .set(SIMULATION_SCENARIOS.KIND, kind)
                .set(SIMULATION_SCENARIOS.INPUTS_JSON, inputsJson)
                .set(SIMULATION_SCENARIOS.CREATED_BY, createdBy)
                .set(SIMULATION_SCENARIOS.CREATED_AT, at)
                .returning(SIMULATION_SCENARIOS.ID).fetchOne().getId();
    }

    public long insertRun(long scenarioId, OffsetDateTime at, String ranBy, String backends, String recommended,
                          Double recommendedCost, String resultsJson) {
        return dsl.insertInto(SIMULATION_RUNS)
                .set(SIMULATION_RUNS.SCENARIO_ID, scenarioId)
                .set(SIMULATION_RUNS.RAN_AT, at)
                .set(SIMULATION_RUNS.RAN_BY, ranBy)
                .set(SIMULATION_RUNS.BACKENDS, backends)
                .set(SIMULATION_RUNS.RECOMMENDED, recommended)
                .set(SIMULATION_RUNS.RECOMMENDED_COST, recommendedCost == null ? null
                        : BigDecimal.valueOf(recommendedCost))
                .set(SIMULATION_RUNS.RESULTS_JSON, resultsJson)
                .returning(SIMULATION_RUNS.ID).fetchOne().getId();
    }

    /** Scenarios visible under {@code scope} (a condition on the team id), newest first, with their last run. */
    public List<ScenarioSummary> findScenarios(Condition scope, int offset, int limit) {
        var lastRun = DSL.select(DSL.max(SIMULATION_RUNS.ID)).from(SIMULATION_RUNS)
                .where(SIMULATION_RUNS.SCENARIO_ID.eq(SIMULATION_SCENARIOS.ID));
        org.jooq.Field<Integer> runCount = DSL.field(DSL.selectCount().from(SIMULATION_RUNS)
                .where(SIMULATION_RUNS.SCENARIO_ID.eq(SIMULATION_SCENARIOS.ID))).as("run_count");
        return dsl.select(SIMULATION_SCENARIOS.ID, SIMULATION_SCENARIOS.TEAM_ID, TEAMS.NAME,
                        SIMULATION_SCENARIOS.NAME, SIMULATION_SCENARIOS.KIND, SIMULATION_SCENARIOS.CREATED_BY,
                        SIMULATION_SCENARIOS.CREATED_AT, runCount, SIMULATION_RUNS.ID, SIMULATION_RUNS.RAN_AT,
                        SIMULATION_RUNS.RECOMMENDED, SIMULATION_RUNS.RECOMMENDED_COST, SIMULATION_RUNS.BACKENDS)
                .from(SIMULATION_SCENARIOS)
                .join(TEAMS).on(TEAMS.ID.eq(SIMULATION_SCENARIOS.TEAM_ID))
                .leftJoin(SIMULATION_RUNS).on(SIMULATION_RUNS.ID.eq(lastRun))
                .where(scope)
                .orderBy(SIMULATION_SCENARIOS.CREATED_AT.desc(), SIMULATION_SCENARIOS.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new ScenarioSummary(r.get(SIMULATION_SCENARIOS.ID), r.get(SIMULATION_SCENARIOS.TEAM_ID),
                        r.get(TEAMS.NAME), r.get(SIMULATION_SCENARIOS.NAME), r.get(SIMULATION_SCENARIOS.KIND),
                        r.get(SIMULATION_SCENARIOS.CREATED_BY), r.get(SIMULATION_SCENARIOS.CREATED_AT),
                        r.get(runCount), r.get(SIMULATION_RUNS.ID), r.get(SIMULATION_RUNS.RAN_AT),
                        r.get(SIMULATION_RUNS.RECOMMENDED), asDouble(r.get(SIMULATION_RUNS.RECOMMENDED_COST)),
                        r.get(SIMULATION_RUNS.BACKENDS)));
    }

    public int countScenarios(Condition scope) {
        return dsl.fetchCount(SIMULATION_SCENARIOS, scope);
    }

    /** A scenario's team and inputs. */
    public record StoredScenario(long id, long teamId, String name, String kind, String inputsJson) {
    }

    public Optional<StoredScenario> findScenario(long id) {
        return dsl.selectFrom(SIMULATION_SCENARIOS).where(SIMULATION_SCENARIOS.ID.eq(id)).fetchOptional()
                .map(r -> new StoredScenario(r.getId(), r.getTeamId(), r.getName(), r.getKind(), r.getInputsJson()));
    }

    public List<RunSummary> findRuns(long scenarioId) {
        return dsl.select().from(SIMULATION_RUNS).join(SIMULATION_SCENARIOS)
                .on(SIMULATION_SCENARIOS.ID.eq(SIMULATION_RUNS.SCENARIO_ID))
                .where(SIMULATION_RUNS.SCENARIO_ID.eq(scenarioId)).orderBy(SIMULATION_RUNS.ID.desc())
                .fetch(ScenarioRepository::run);
    }

    /** A run with its scenario's team id and results. */
    public record StoredRun(RunSummary summary, long teamId, String resultsJson) {
    }

    public Optional<StoredRun> findRun(long runId) {
        return dsl.select().from(SIMULATION_RUNS).join(SIMULATION_SCENARIOS)
                .on(SIMULATION_SCENARIOS.ID.eq(SIMULATION_RUNS.SCENARIO_ID))
                .where(SIMULATION_RUNS.ID.eq(runId)).fetchOptional()
                .map(r -> new StoredRun(run(r), r.get(SIMULATION_SCENARIOS.TEAM_ID),
                        r.get(SIMULATION_RUNS.RESULTS_JSON)));
    }

    private static RunSummary run(Record r) {
        return new RunSummary(r.get(SIMULATION_RUNS.ID), r.get(SIMULATION_RUNS.SCENARIO_ID),
                r.get(SIMULATION_SCENARIOS.NAME), r.get(SIMULATION_RUNS.RAN_AT), r.get(SIMULATION_RUNS.RAN_BY),
                r.get(SIMULATION_RUNS.BACKENDS), r.get(SIMULATION_RUNS.RECOMMENDED),
                asDouble(r.get(SIMULATION_RUNS.RECOMMENDED_COST)));
    }

    private static Double asDouble(BigDecimal cost) {
        return cost == null ? null : cost.doubleValue();
    }

    /** Teams under {@code scope} (a condition on the team id), by name: where a user may save scenarios. */
    public List<dev.burnrate.portal.user.Team> findTeams(java.util.function.Function<org.jooq.Field<Long>, Condition> scope) {
        return dsl.selectFrom(TEAMS).where(scope.apply(TEAMS.ID)).orderBy(TEAMS.NAME)
                .fetch(r -> new dev.burnrate.portal.user.Team(r.getId(), r.getName(), r.getDescription()));
    }

    /** Whether a scenario of this name exists in the team (names are unique per team by convention). */
    public boolean existsByName(long teamId, String name) {
        return dsl.fetchExists(SIMULATION_SCENARIOS, SIMULATION_SCENARIOS.TEAM_ID.eq(teamId)
                .and(SIMULATION_SCENARIOS.NAME.eq(name)));
    }
}
