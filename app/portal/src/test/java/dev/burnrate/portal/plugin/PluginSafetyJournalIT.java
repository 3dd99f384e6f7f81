package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The plugin host's journal (suspensions and start markers) on H2 and PostgreSQL. */
class PluginSafetyJournalIT {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void suspensionsAndStartMarkersAreKeptPerPluginUntilForgotten(TestDatabase db) {
        var journal = new JooqPluginSafetyJournal(db.dsl(), Clock.fixed(T0, ZoneOffset.UTC),
                new DataSourceTransactionManager(db.dataSource()));
        assertThat(journal.suspension("provider-aws")).isEmpty();
        assertThat(journal.unfinishedStart("provider-aws")).isEmpty();

        journal.startBegins("provider-aws");
        journal.startBegins("provider-aws"); // a second start overwrites, never fails on the key
        journal.recordSuspension("provider-aws", "offerings() did not answer within 10000 ms");
        journal.recordSuspension("provider-aws", "x".repeat(3000));
        journal.recordSuspension("provider-gcp", "3 failed calls in a row");
        assertThat(journal.unfinishedStart("provider-aws")).contains(T0);
        assertThat(journal.suspension("provider-aws").orElseThrow()).hasSize(2000).endsWith("…");

        journal.startEnded("provider-aws");
        assertThat(journal.unfinishedStart("provider-aws")).isEmpty();
        assertThat(journal.suspension("provider-aws")).isPresent();

        journal.startBegins("provider-aws");
        journal.forget("provider-aws");
        assertThat(journal.suspension("provider-aws")).isEmpty();
        assertThat(journal.unfinishedStart("provider-aws")).isEmpty();
        assertThat(journal.suspension("provider-gcp")).contains("3 failed calls in a row");
    }
}
