package dev.burnrate.portal.load;

import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.home.OverviewFigure;
import dev.burnrate.portal.home.OverviewProvider;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.support.TestCloudConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Twenty users doing the same thing at the same moment against a pool of three connections. Work may queue for a
 * connection or a row lock, but nothing may hold a connection while it needs a second one: then a few callers hold
 * the whole pool and wait for each other until the pool's timeout (30 s by default; a few seconds here, so the test
 * fails with "Connection is not available, request timed out"). The load harness ({@link PortalLoadIT}) found the
 * home page doing it; submits are here because they wait on the budget accounts' row locks while holding a
 * connection, which is fine only as long as nothing under that lock needs another one. Subclasses pick the
 * database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "burnrate.demo=true",
        "spring.datasource.hikari.maximum-pool-size=" + ConcurrentUsersTestBase.POOL,
        "spring.datasource.hikari.minimum-idle=" + ConcurrentUsersTestBase.POOL,
        "spring.datasource.hikari.connection-timeout=5000",
        "burnrate.provisioning.reconcile-ms=3600000",
        "burnrate.provisioning.reconcile-delay-ms=3600000",
        "burnrate.provisioning.sweep-ms=3600000",
        "burnrate.provisioning.sweep-delay-ms=3600000",
        "burnrate.metering.interval-ms=3600000",
        "burnrate.policies.scan-ms=3600000"})
@Import(TestCloudConfig.class)
abstract class ConcurrentUsersTestBase {

    static final int POOL = 3;
    private static final int USERS = 20;

    private static final String TEAM_BUDGET = """
            id: inference-concurrency-budget
            name: Inference budget (concurrency)
            scope:
              team: inference
            rules:
              - type: budget
                period: month
                amount: 1000000
                thresholds:
                  - {at: 100, action: deny}
            """;

    @Autowired
    ProvisioningService provisioning;
    @Autowired
    PolicyService policies;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationContext app;
    @Autowired
    List<OverviewProvider> overview;

    @Test
    void twentyUsersLandingOnTheHomePageAtOnceAllGetItsFigures() throws Exception {
        List<List<OverviewFigure>> pages = atOnce(() -> RunAs.user(app, "engineer", () -> {
            // what HomeView does for each visitor
            List<OverviewFigure> figures = new ArrayList<>();
            overview.forEach(provider -> figures.addAll(provider.figures()));
            return figures;
        }, Role.ENGINEER));
        assertThat(pages).hasSize(USERS).allSatisfy(figures -> assertThat(figures)
                .extracting(OverviewFigure::label).contains("Database", "Schema version", "Users"));
    }

    @Test
    void twentySubmitsToOneBudgetAccountAtOnceAllComplete() throws Exception {
        RunAs.user(app, "admin", () -> policies.get("inference-concurrency-budget").isPresent() ? null
                : policies.save(null, TEAM_BUDGET, "test"), Role.ADMIN);
        List<String> ids = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < USERS; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<StoredRequest> stored = atOnce(() -> {
            String id = ids.get(next.getAndIncrement());
            return RunAs.user(app, "approver", () -> provisioning.submit(id, notebook(id)), Role.APPROVER);
        });

        assertThat(stored).extracting(StoredRequest::state).containsOnly(RequestState.PROVISIONED);
        assertThat(dsl.fetchCount(RESOURCES, RESOURCES.REQUEST_ID.in(ids))).isEqualTo(USERS);
        assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.in(ids))).isEqualTo(USERS);
    }

    @Test
    void twentyEngineersPreviewingAndAskingForH100sAtOnceAllGetAnAnswer() throws Exception {
        List<StoredRequest> stored = atOnce(() -> RunAs.user(app, "engineer", () -> {
            String id = UUID.randomUUID().toString();
            provisioning.preview(h100s(id));
            provisioning.preview(h100s(id));
            return provisioning.submit(id, h100s(id));
        }, Role.ENGINEER));

        assertThat(stored).extracting(StoredRequest::state).isNotEmpty().allMatch(state -> state
                == RequestState.DENIED || state == RequestState.PENDING_APPROVAL || state == RequestState.PROVISIONED);
    }

    /** Runs the call on twenty threads released together; a call that failed fails the test with its cause. */
    private static <T> List<T> atOnce(Callable<T> call) throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < USERS; i++) {
                calls.add(users.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : calls) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            users.shutdownNow();
        }
    }

    /** Three days of H100s for ML research, as the load harness asks for them. */
    private static RequestDraft h100s(String id) {
        return new RequestDraft(Template.GPU_TRAINING, "ml-research", "llm-pretrain", "h100-" + id.substring(0, 8),
                "aws", "eu-north-1", "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 72.0, "internal",
                Map.of("cost-center", "CC-1234", "owner", "engineer"), true, true, true, false);
    }

    /** An A10G notebook for the inference team in Frankfurt: allowed by every demo policy. */
    private static RequestDraft notebook(String id) {
        return new RequestDraft(Template.NOTEBOOK, "inference", "serving", "concurrent-users-" + id.substring(0, 8), "aws",
                "eu-central-1", "g5.12xlarge", 1, PurchaseOption.ON_DEMAND, 8.0, "internal",
                Map.of("cost-center", "CC-2001", "owner", "approver"), true, true, false, false);
    }
}
