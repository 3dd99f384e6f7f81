package dev.burnrate.portal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.BurnrateApplication;
import dev.burnrate.portal.migration.EditedMigrationRepair;
import dev.burnrate.portal.support.TestDatabases;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Two portals on one PostgreSQL database, in one JVM: a job under a ShedLock lock runs in one of them at a time,
 * while the same job without the lock (the control) is seen running in both at once, and a job running longer than
 * its lease keeps its lock. The portal's own jobs are behind the lock's proxy, and the Flyway of each portal carries
 * the edited-migration repair.
 */
class TwoPortalsJobLocksIT {

    private static final String DATABASE = "two_portals";
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    /** What a job saw, across both portals. */
    static final class Tally {
        final long millis;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final List<String> runs = new CopyOnWriteArrayList<>();

        Tally(long millis) {
            this.millis = millis;
        }

        void run(String portal) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.add(portal);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                finished.incrementAndGet();
            }
        }

        void reset() {
            mostAtOnce.set(running.get());
            finished.set(0);
            runs.clear();
        }
    }

    static final Tally LOCKED = new Tally(150);
    static final Tally UNLOCKED = new Tally(150);
    /** Runs longer than its lease: the lease is renewed while it runs, so the other portal never takes over. */
    static final Tally LONG = new Tally(40_000);

    /** Registered by hand (not component-scanned), so no other test's portal gets these jobs. */
    static class CountingJobs {
        private final String portal;

        CountingJobs(String portal) {
            this.portal = portal;
        }

        @Scheduled(fixedDelay = 10)
        @SchedulerLock(name = "test-counting", lockAtMostFor = "PT1M")
        void locked() {
            LOCKED.run(portal);
        }

        @Scheduled(fixedDelay = 10)
        void unlocked() {
            UNLOCKED.run(portal);
        }

        @Scheduled(fixedDelay = 100)
        @SchedulerLock(name = "test-long", lockAtMostFor = "PT30S")
        void longerThanItsLease() {
            LONG.run(portal);
        }
    }

    private static ConfigurableApplicationContext portal(String name) {
        return new SpringApplicationBuilder(BurnrateApplication.class)
                .initializers(context -> ((org.springframework.context.support.GenericApplicationContext) context)
                        .registerBean(CountingJobs.class, () -> new CountingJobs(name)))
                // Command-line arguments: they override application.properties (default properties would not).
                .run("--server.port=0",
                        "--spring.datasource.url=" + TestDatabases.postgresUrl(DATABASE),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--burnrate.data-dir=" + Paths.get("target", "it-data", "two-portals-" + name + "-"
                                + ProcessHandle.current().pid()).toAbsolutePath(),
                        "--burnrate.admin.initial-password=two-portals-admin",
                        "--burnrate.metering.interval-ms=3600000",
                        "--burnrate.policies.scan-ms=3600000",
                        // The long job holds one scheduler thread for 40 s; the others keep running on the rest.
                        "--spring.task.scheduling.pool.size=4");
    }

    @BeforeAll
    static void startTwoPortals() {
        TestDatabases.createPostgresDatabase(DATABASE);
        // One after the other: the first migrates the database and creates the first admin.
        first = portal("first");
        second = portal("second");
    }

    @AfterAll
    static void stopPortals() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aLockedJobRunsInOnePortalAtATimeWhileTheUnlockedOneOverlaps() throws Exception {
        LOCKED.reset();
        UNLOCKED.reset();
        Thread.sleep(6_000);

        assertThat(UNLOCKED.mostAtOnce.get()).as("control: without the lock both portals run the job at once")
                .isEqualTo(2);
        assertThat(UNLOCKED.runs).contains("first", "second");
        assertThat(LOCKED.runs).as("the locked job still runs").hasSizeGreaterThan(5);
        assertThat(LOCKED.mostAtOnce.get()).as("the locked job never runs twice at once").isEqualTo(1);
        assertThat(new JdbcTemplate(first.getBean(javax.sql.DataSource.class)).queryForList(
                "select name from job_locks", String.class)).contains("test-counting");
    }

    @Test
    void aJobRunningLongerThanItsLeaseKeepsItsLock() throws Exception {
        LONG.reset();
        // Two finished runs: the second ran whole while both portals were up and trying for its lock.
        long deadline = System.currentTimeMillis() + 150_000;
        while (LONG.finished.get() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(LONG.finished.get()).as("two 40 s runs finished").isGreaterThanOrEqualTo(2);
        assertThat(LONG.mostAtOnce.get()).as("the other portal never took the 30 s lease over").isEqualTo(1);
    }

    @Test
    void thePortalsOwnJobsAreBehindTheLockAndFlywayHasTheRepair() {
        for (ConfigurableApplicationContext portal : List.of(first, second)) {
            for (String job : List.of("meteringJob", "provisioningExecutor", "continuousEvaluationJob",
                    "webhookDispatcher")) {
                assertThat(AopUtils.isAopProxy(portal.getBean(job))).as("%s is proxied by ShedLock", job).isTrue();
            }
            assertThat(portal.getBean(Flyway.class).getConfiguration().getCallbacks())
                    .hasAtLeastOneElementOfType(EditedMigrationRepair.class);
        }
    }
}
