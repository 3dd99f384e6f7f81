package dev.burnrate.portal.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.db.Tables;
import dev.burnrate.portal.support.TestDatabase;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserRepository;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Saved scenarios and runs on H2 and on PostgreSQL: team scoping, the latest run, JSON round trips. */
class ScenarioRepositoryIT {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void storesScenariosWithTheirRunsScopedToTeams(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        long ml = users.insertTeam("ml-research", null);
        long other = users.insertTeam("inference", null);
        ScenarioRepository repository = new ScenarioRepository(db.dsl());
        SimulationInputs inputs = SimulationInputs.defaults();
        long first = repository.insertScenario(ml, "llama fine-tune", "TRAINING", ScenarioJson.write(inputs), "eve",
                T0);
        repository.insertRun(first, T0, "eve", "spot-training-mc=jvm-simd", "p5 spot", 1234.5, "{\"training\":[]}");
        long second = repository.insertRun(first, T0.plusHours(1), "eve", "spot-training-mc=opencl", "p5 spot",
                1200.0, "{\"training\":[]}");
        repository.insertScenario(other, "chat serving", "INFERENCE", ScenarioJson.write(inputs), "ada", T0);

        List<ScenarioSummary> mine = repository.findScenarios(Tables.SIMULATION_SCENARIOS.TEAM_ID.in(Set.of(ml)), 0,
                10);
        assertThat(mine).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("llama fine-tune");
            assertThat(s.teamName()).isEqualTo("ml-research");
            assertThat(s.runs()).isEqualTo(2);
            assertThat(s.lastRunId()).isEqualTo(second);
            assertThat(s.lastBackends()).isEqualTo("spot-training-mc=opencl");
            assertThat(s.lastCost()).isEqualTo(1200.0);
        });
        assertThat(repository.findScenarios(DSL.trueCondition(), 0, 10)).hasSize(2);
        assertThat(repository.countScenarios(Tables.SIMULATION_SCENARIOS.TEAM_ID.in(Set.of(other)))).isEqualTo(1);
        assertThat(repository.findRuns(first)).extracting(RunSummary::id).first().isEqualTo(second);
        assertThat(repository.findRun(second).orElseThrow().teamId()).isEqualTo(ml);
        assertThat(ScenarioJson.read(repository.findScenario(first).orElseThrow().inputsJson(),
                SimulationInputs.class)).isEqualTo(inputs);
        assertThat(repository.existsByName(ml, "llama fine-tune")).isTrue();
        assertThat(repository.existsByName(other, "llama fine-tune")).isFalse();
        assertThat(repository.findTeams(id -> id.eq(ml))).extracting(Team::name).containsExactly("ml-research");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theSchemaRejectsUnknownKindsAndOrphanRuns(TestDatabase db) {
        long team = new UserRepository(db.dsl()).insertTeam("t", null);
        ScenarioRepository repository = new ScenarioRepository(db.dsl());
        assertThatThrownBy(() -> repository.insertScenario(team, "x", "FORECAST", "{}", "eve", T0))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> repository.insertRun(424242, T0, "eve", "", null, null, "{}"))
                .isInstanceOf(DataAccessException.class);
    }
}
