package dev.burnrate.portal.provisioning;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.BurnrateApplication;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.FileTestCloud;
import dev.burnrate.portal.support.RunAs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The portal as {@link KilledProvisioningIT} runs it, twice on one H2 file and one {@link FileTestCloud}: first in a
 * forked JVM ({@link #main}) that submits a request whose provider call hangs after creating the resource (the test
 * kills that JVM), then in the test's JVM, restarted.
 */
public final class KilledPortalMain {

    static final String BUDGET = """
            id: inference-killed-budget
            name: Inference budget (killed portal)
            scope:
              team: inference
            rules:
              - type: budget
                period: month
                amount: 1000000
                thresholds:
                  - {at: 100, action: deny}
            """;

    private KilledPortalMain() {
    }

    static ConfigurableApplicationContext start(Path dir, boolean hangAfterCreate) {
        Path cloudDir = dir.resolve("cloud").toAbsolutePath();
        // registered by hand: a @Configuration here would be found by every other test portal's component scan
        ApplicationContextInitializer<GenericApplicationContext> fileCloud = context -> context.registerBean(
                FileTestCloud.class, () -> new FileTestCloud(Clock.systemUTC(), cloudDir, hangAfterCreate));
        // command-line arguments: they win over application.properties (builder properties would not)
        // the database is the shipped default (H2 in the data folder): what a kill must not lose is its commits
        return new SpringApplicationBuilder(BurnrateApplication.class).initializers(fileCloud).run(
                "--burnrate.demo=true",
                "--burnrate.data-dir=" + dir.resolve("data").toAbsolutePath(),
                "--burnrate.plugins-dir=" + dir.resolve("plugins").toAbsolutePath(),
                "--server.port=0",
                "--burnrate.provisioning.timeout.provision=5s",
                "--burnrate.provisioning.timeout.lease-margin=1s",
                "--burnrate.provisioning.submit-wait=60s",
                "--burnrate.provisioning.reconcile-ms=3600000",
                "--burnrate.provisioning.reconcile-delay-ms=3600000",
                "--burnrate.provisioning.sweep-ms=3600000",
                "--burnrate.provisioning.sweep-delay-ms=3600000",
                "--burnrate.metering.interval-ms=3600000",
                "--burnrate.policies.scan-ms=3600000");
    }

    static RequestDraft notebook() {
        return new RequestDraft(Template.NOTEBOOK, "inference", "serving", "killed-portal", "aws", "eu-central-1",
                "g5.12xlarge", 1, PurchaseOption.ON_DEMAND, 8.0, "internal",
                Map.of("cost-center", "CC-2001", "owner", "approver"), true, true, false, false);
    }

    /** args: the folder, the request id. Submits, then hangs in the provider until killed. */
    public static void main(String[] args) {
        ConfigurableApplicationContext app = start(Path.of(args[0]), true);
        PolicyService policies = app.getBean(PolicyService.class);
        RunAs.user(app, "admin", () -> policies.save(null, BUDGET, "test"), Role.ADMIN);
        RunAs.user(app, "approver", () -> app.getBean(ProvisioningService.class).submit(args[1], notebook()),
                Role.APPROVER);
        System.out.println("submit returned: the provider was supposed to hang");
    }
}
