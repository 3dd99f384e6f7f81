package dev.burnrate.portal.usagesource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.support.TestDatabase;
import dev.burnrate.portal.usagesource.UsageSourceRun.Status;
import dev.burnrate.portal.usagesource.UsageSourceRun.Trigger;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Usage source settings and run history (V095) on H2 and PostgreSQL. */
class UsageSourceRepositoryIT {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static UsageSourceRun run(String source, Instant start, Status status, String message) {
        return new UsageSourceRun(0, source, Trigger.SCHEDULE, start, start.plusSeconds(3), status, 2,
                status == Status.IMPORTED ? "v-1" : null, message, "system");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void keepsSettingsAndRunsNewestFirstAndForgetsRunsWithTheirSource(TestDatabase db) {
        UsageSourceRepository repo = new UsageSourceRepository(db.dsl());
        repo.save(new UsageSourceConfig("s-1", "plugin-a", "billing", 60, true, "admin", T0));
        repo.save(new UsageSourceConfig("s-1", "plugin-a", "billing-2", 30, false, "root", T0.plusSeconds(5)));
        assertThat(repo.config("s-1")).hasValue(new UsageSourceConfig("s-1", "plugin-a", "billing-2", 30, false,
                "root", T0.plusSeconds(5)));
        assertThat(repo.lastStart("s-1")).isEmpty();

        repo.insertRun(run("s-1", T0, Status.IMPORTED, "Imported 2 rows"));
        UsageSourceRun failed = repo.insertRun(run("s-1", T0.plusSeconds(60), Status.FAILED, "x".repeat(2500)));
        assertThat(failed.id()).isPositive();
        assertThat(failed.message()).hasSize(2000).endsWith("...");
        assertThat(repo.runs("s-1", 10)).extracting(UsageSourceRun::status)
                .containsExactly(Status.FAILED, Status.IMPORTED);
        assertThat(repo.runs("s-1", 10).getLast().versionKey()).isEqualTo("v-1");
        assertThat(repo.runs("s-1", 1)).hasSize(1);
        assertThat(repo.lastStart("s-1")).hasValue(T0.plusSeconds(60));

        assertThat(repo.delete("s-1")).isTrue();
        assertThat(repo.configs()).isEmpty();
        assertThat(repo.runs("s-1", 10)).isEmpty();
        assertThat(repo.delete("s-1")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void refusesIntervalsOutsideOneMinuteToOneMonthAndRunsOfUnknownSources(TestDatabase db) {
        UsageSourceRepository repo = new UsageSourceRepository(db.dsl());
        assertThatThrownBy(() -> repo.save(new UsageSourceConfig("s-2", "p", "d", 0, true, "admin", T0)))
                .isInstanceOf(org.jooq.exception.DataAccessException.class);
        assertThatThrownBy(() -> repo.insertRun(run("nobody", T0, Status.FAILED, "m")))
                .isInstanceOf(org.jooq.exception.DataAccessException.class);
    }
}
