package dev.burnrate.portal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.budget.BudgetRow;
import dev.burnrate.portal.budget.BudgetService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.support.TestCloudConfig;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The load harness of issue 14: {@code burnrate.load.users} engineers, each in a Chromium of their own, browse the
 * explorer, run a simulation and ask for three days of H100s, over and over for {@code burnrate.load.minutes}, on
 * one portal (demo data, the in-memory test cloud). It prints the server round-trip percentiles of every Vaadin
 * request, the provisioning outcomes, thread and heap figures, and each budget's use; it fails on errors, on a
 * budget used past 100% (a DENY must stop it) and on threads that keep growing. Timings are printed, never
 * asserted (they depend on the machine). Not part of the normal test run: it needs the property, e.g.
 * {@code ./mvnw -B -pl app/portal verify -Dit.test=PortalLoadIT -Dburnrate.load.users=50 -Dburnrate.load.minutes=5}.
 */
@EnabledIfSystemProperty(named = "burnrate.load.users", matches = "[1-9]\\d*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "burnrate.demo=true")
@Import(TestCloudConfig.class)
@TestPropertySource(properties = {
        "burnrate.data-dir=./target/it-data/load-${random.uuid}",
        "burnrate.metering.interval-ms=10000"})
class PortalLoadIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext app;
    @Autowired
    BudgetService budgets;

    @Test
    void manyEngineersBrowseSimulateAndProvisionAtOnce() throws Exception {
        int users = Integer.getInteger("burnrate.load.users");
        Duration length = Duration.ofMinutes(Long.getLong("burnrate.load.minutes", 5));
        int threadsBefore = settledThreadCount();
        long heapBefore = usedHeapAfterGc();

        RoundTrips roundTrips = new RoundTrips();
        Map<String, AtomicInteger> outcomes = LoadUser.newOutcomes();
        Instant deadline = Instant.now().plus(length);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Thread user = new Thread(new LoadUser("http://localhost:" + port + "/", deadline, roundTrips, outcomes),
                    "load-user-" + i);
            user.start();
            threads.add(user);
        }
        for (Thread user : threads) {
            user.join(length.plusMinutes(5).toMillis());
        }

        int threadsAfter = threadsOnceIdle(threadsBefore + 20);
        long heapAfter = usedHeapAfterGc();
        List<BudgetRow> rows = RunAs.user(app, "finance", budgets::status, Role.FINANCE);
        System.out.printf(Locale.ROOT, "%nLoad: %d users for %s on %d cores (load average %.2f)%n", users, length,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("Vaadin server round-trips: " + roundTrips.summary() + " (goal: p95 under 300 ms)");
        System.out.println("Provisioning outcomes: " + outcomes);
        System.out.printf(Locale.ROOT, "Portal JVM threads %d -> %d, used heap after GC %d MB -> %d MB%n",
                threadsBefore, threadsAfter, heapBefore >> 20, heapAfter >> 20);
        rows.forEach(row -> System.out.printf(Locale.ROOT, "Budget %s: %.1f%% used (actual %.2f, committed %.2f of %.2f %s)%n",
                row.policyId(), row.check().percent(), row.check().status().actual(), row.check().status().committed(),
                row.check().amount(), row.currency()));

        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(roundTrips.failures()).as("failed requests, page errors and unfinished steps").isZero();
        assertThat(roundTrips.count()).isPositive();
        // The users all charge ML research, whose demo budget denies at 100%: concurrent submits must not pass it.
        assertThat(rows).filteredOn(row -> row.policyId().equals("ml-research-budget")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.check().percent()).as("ML research used past its DENY threshold")
                        .isLessThanOrEqualTo(100.0));
        assertThat(threadsAfter).as("portal threads after the users left").isLessThanOrEqualTo(threadsBefore + 20);
    }

    /** Threads of the portal JVM (this one), once the browsers' driver threads have ended. */
    private static int settledThreadCount() throws InterruptedException {
        Thread.sleep(2_000);
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * The thread count once the pools have had time to retire idle threads (Tomcat's request threads idle out after
     * 60 s), or after 90 s; with the threads by name printed, so growth can be told apart from a pool at rest.
     */
    private static int threadsOnceIdle(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int count = settledThreadCount();
        while (count > expected && System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            count = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream().collect(Collectors
                .groupingBy(t -> t.getName().replaceAll("\\d+", "#"), TreeMap::new, Collectors.counting()));
        System.out.println("Portal JVM threads by name once idle: " + byName);
        return count;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
