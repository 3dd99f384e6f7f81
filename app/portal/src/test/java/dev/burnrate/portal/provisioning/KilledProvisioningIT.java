package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ResourceState;
import dev.burnrate.portal.support.FileTestCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real kill: a forked portal JVM is killed with SIGKILL while its provider call hangs after the cloud created the
 * resource. The restarted portal must end with exactly one resource for the request, recorded once, with its
 * budget reserved, and nothing for the sweep to clean.
 */
class KilledProvisioningIT {

    @Test
    void aPortalKilledDuringAProviderCallEndsWithExactlyOneResourceAfterARestart() throws Exception {
        Path dir = Path.of("target", "it-data", "killed-" + UUID.randomUUID()).toAbsolutePath();
        String requestId = UUID.randomUUID().toString();
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process portal = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledPortalMain.class.getName(), dir.toString(), requestId)
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed-portal.log").toFile())
                .start();
        Path hung = dir.resolve("cloud").resolve(requestId + ".hung");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(hung) && portal.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(portal.isAlive()).as("the portal must still be in the provider call when killed").isTrue();
        assertThat(Files.exists(hung)).isTrue();
        portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (ConfigurableApplicationContext restarted = KilledPortalMain.start(dir, false)) {
            DSLContext dsl = restarted.getBean(DSLContext.class);
            assertThat(state(dsl, requestId)).as("claimed by the dead process").isEqualTo(RequestState.PROVISIONING);
            ProvisioningExecutor executor = restarted.getBean(ProvisioningExecutor.class);
            // reconcile takes it over only once the dead process's claim has run out (a few seconds here)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (state(dsl, requestId) != RequestState.PROVISIONED && System.nanoTime() < until) {
                Thread.sleep(500);
                executor.reconcile();
            }
            assertThat(state(dsl, requestId)).isEqualTo(RequestState.PROVISIONED);
            List<String> recorded = dsl.select(RESOURCES.ID).from(RESOURCES)
                    .where(RESOURCES.REQUEST_ID.eq(requestId)).fetch(RESOURCES.ID);
            FileTestCloud cloud = restarted.getBean(FileTestCloud.class);
            List<String> live = cloud.inventory().stream().filter(i -> requestId.equals(i.requestId()))
                    .filter(i -> i.status().state() != ResourceState.DELETED).map(i -> i.status().resourceId())
                    .toList();
            assertThat(recorded).hasSize(1).isEqualTo(live);
            assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(requestId))).isOne();
            assertThat(restarted.getBean(InventorySweep.class).sweep()).noneMatch(f -> requestId.equals(f.requestId()));
        }
    }

    private static RequestState state(DSLContext dsl, String id) {
        return RequestState.valueOf(dsl.select(PROVISIONING_REQUESTS.STATE).from(PROVISIONING_REQUESTS)
                .where(PROVISIONING_REQUESTS.ID.eq(id)).fetchSingle(PROVISIONING_REQUESTS.STATE));
    }
}
