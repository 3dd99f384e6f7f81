package dev.burnrate.portal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that ran V044 in its other text (only its comment line differed) upgrades with the file's text: the
 * repair sets its stored checksum to the file's. Any other checksum mismatch still fails validation. On empty H2 and
 * PostgreSQL databases, migrated first from a folder holding the other V044.
 */
class EditedMigrationRepairIT {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final EditedMigrationRepair.KnownEdit V044 = EditedMigrationRepair.KNOWN_EDITS.getFirst();

    @TempDir
    Path editedLocation;

    static Stream<Arguments> emptyDatabases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + Paths.get("target", "h2-test", "repair" + ProcessHandle.current().pid(),
                "db" + COUNTER.incrementAndGet()).toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        String name = "repair" + COUNTER.incrementAndGet();
        TestDatabases.createPostgresDatabase(name);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(TestDatabases.postgresUrl(name));
        postgres.setUser("postgres");
        postgres.setPassword("postgres");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", postgres));
    }

    /** sql/ with V044 as its first commit had it: the comment names the dataset "burnrate-metered". */
    private void writeEditedMigrations() throws Exception {
        try (Stream<Path> files = Files.list(Paths.get("..", "..", "sql"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().equals(V044.script())) {
                    assertThat(text).contains("Burnrate's own \"metered-usage\" dataset");
                    text = text.replace("Burnrate's own \"metered-usage\" dataset",
                            "Burnrate's own \"burnrate-metered\" dataset");
                }
                Files.writeString(editedLocation.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
    }

    private static Integer storedChecksum(DataSource db) {
        return new JdbcTemplate(db).queryForObject(
                "select \"checksum\" from \"flyway_schema_history\" where \"script\" = ?", Integer.class, V044.script());
    }

    private static Flyway released(DataSource db, boolean withRepair) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration");
        return (withRepair ? config.callbacks(new EditedMigrationRepair()) : config).load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyDatabases")
    void aDatabaseThatRanTheEditedV044UpgradesWithTheReleasedText(String product, DataSource db) throws Exception {
        writeEditedMigrations();
        Flyway.configure().dataSource(db).locations("filesystem:" + editedLocation.toAbsolutePath()).load().migrate();
        assertThat(storedChecksum(db)).as("Flyway's checksum of the edited text").isEqualTo(V044.editedChecksum());

        assertThatThrownBy(() -> released(db, false).validate()).as("without the repair")
                .isInstanceOf(FlywayException.class).hasMessageContaining("checksum mismatch");

        released(db, true).migrate();

        assertThat(storedChecksum(db)).isEqualTo(V044.releasedChecksum());
        released(db, false).validate();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyDatabases")
    void aFreshDatabaseStoresTheReleasedChecksumAndOtherMismatchesStillFail(String product, DataSource db) {
        released(db, true).migrate();
        assertThat(storedChecksum(db)).as("Flyway's checksum of the released text").isEqualTo(V044.releasedChecksum());

        new JdbcTemplate(db).update("update \"flyway_schema_history\" set \"checksum\" = 12345 where \"script\" = ?",
                V044.script());

        assertThatThrownBy(() -> released(db, true).validate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> released(db, true).migrate()).isInstanceOf(FlywayException.class);
        assertThat(storedChecksum(db)).isEqualTo(12345);
    }
}
