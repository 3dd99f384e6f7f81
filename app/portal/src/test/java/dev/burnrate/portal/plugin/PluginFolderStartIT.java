package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.PLUGIN_START_MARKERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.plugin.HostPluginState;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.engine.plugin.PluginInfo;
import dev.burnrate.portal.BurnrateApplication;
import dev.burnrate.portal.notification.NotificationRepository;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.RunAs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hostile plugin set dropped into the plugins folder before the portal starts, and the portal started again
 * on the same data folder: it starts every time, the built-ins run, each hostile archive is listed with a clear
 * reason, a hang found at the first start stays suspended after the restart, a plugin whose start was cut short by
 * a dying process starts suspended, and safe mode and the allow-list hold back what they should.
 */
class PluginFolderStartIT {
    private static final String[] HOSTILE_FILES = {"hostile-exitinit.jar", "hostile-exitlater.jar",
            "hostile-stuck.jar", "hostile-throwing.jar", "hostile-not-a-zip.jar", "hostile-future-api.jar"};

    @TempDir
    Path work;

    @Test
    void thePortalStartsEveryTimeAndSaysWhyEachHostilePluginIsNotRunning() throws Exception {
        Path data = work.resolve("data");
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        HostilePlugins hostile = HostilePlugins.compile(work);
        for (String pkg : List.of("exitinit", "exitlater", "stuck", "throwing")) {
            hostile.jar(pkg, plugins);
        }
        HostilePlugins.notAZip(plugins);
        hostile.wrongApiVersion(plugins);

        try (ConfigurableApplicationContext portal = start(data)) {
            PluginHost host = portal.getBean(PluginHost.class);
            assertBuiltinsRunAndHostileArchivesAreExplained(host);
            PluginInfo stuck = host.plugin("hostile-stuck").orElseThrow();
            assertThat(stuck.state()).isEqualTo(HostPluginState.FAILED);
            assertThat(stuck.error()).contains("Stuck.offerings() did not answer within 3000 ms");
            PluginCatalogService catalog = portal.getBean(PluginCatalogService.class);
            assertThat(await(catalog::warm)).as("the catalog was read at start-up, not by a visitor").isTrue();
            NotificationRepository notifications = portal.getBean(NotificationRepository.class);
            assertThat(await(() -> notifications.recent("admin", 20).stream()
                    .anyMatch(n -> n.title().equals("Plugin hostile-stuck suspended"))))
                    .as("the hang found at start-up is in the administrators' notification centre").isTrue();
            // As a process that died during provider-gcp's first calls would leave it:
            portal.getBean(DSLContext.class).insertInto(PLUGIN_START_MARKERS)
                    .set(PLUGIN_START_MARKERS.PLUGIN_ID, "provider-gcp")
                    .set(PLUGIN_START_MARKERS.STARTED_AT, OffsetDateTime.now(ZoneOffset.UTC)).execute();
        }

        try (ConfigurableApplicationContext portal = start(data)) {
            PluginHost host = portal.getBean(PluginHost.class);
            assertBuiltinsRunAndHostileArchivesAreExplained(host);
            PluginInfo stuck = host.plugin("hostile-stuck").orElseThrow();
            assertThat(stuck.state()).isEqualTo(HostPluginState.SUSPENDED);
            assertThat(stuck.error()).contains("suspended before the last restart", "did not answer within 3000 ms");
            PluginInfo gcp = host.plugin("provider-gcp").orElseThrow();
            assertThat(gcp.state()).isEqualTo(HostPluginState.SUSPENDED);
            assertThat(gcp.error()).contains("the portal stopped while this plugin was starting");

            PluginAdminService admin = portal.getBean(PluginAdminService.class);
            List<PluginSummary> listed = RunAs.user(portal, "admin", admin::list, Role.ADMIN);
            assertThat(listed).filteredOn(p -> p.id().equals("provider-gcp")).singleElement()
                    .satisfies(p -> assertThat(p.error()).contains("stopped while this plugin was starting"));
            assertThat(RunAs.user(portal, "admin", () -> admin.enable("provider-gcp"), Role.ADMIN).state())
                    .isEqualTo(HostPluginState.STARTED);
        }

        Path sample = Path.of("target", "it-plugins", "burnrate-example-sample-provider.jar");
        Files.copy(sample, plugins.resolve("sample-provider.jar"));
        String sampleDigest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(sample)));
        try (ConfigurableApplicationContext portal = start(data, "--burnrate.plugins.safe-mode=true",
                "--burnrate.plugins.allowed-sha256=" + sampleDigest)) {
            PluginHost host = portal.getBean(PluginHost.class);
            assertThat(host.plugin("provider-gcp").orElseThrow().state()).as("enabled before the restart")
                    .isEqualTo(HostPluginState.STARTED);
            assertThat(host.plugin("provider-aws").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
            PluginInfo skipped = host.plugin("sample-provider").orElseThrow();
            assertThat(skipped.state()).isEqualTo(HostPluginState.DISABLED);
            assertThat(skipped.error()).contains("safe mode");
            assertThat(host.plugin("hostile-throwing.jar").orElseThrow().error())
                    .contains("not on this portal's allow-list");
        }
    }

    private static void assertBuiltinsRunAndHostileArchivesAreExplained(PluginHost host) {
        for (String builtin : List.of("provider-aws", "provider-azure", "hardware-nvidia", "hardware-cpu",
                "compute-opencl")) {
            assertThat(host.plugin(builtin).orElseThrow().state()).as(builtin).isEqualTo(HostPluginState.STARTED);
        }
        assertThat(host.plugin("hostile-exitinit.jar").orElseThrow().error())
                .contains("hostile.exitinit.ExitInInit.init(PluginContext) calls java.lang.System.exit(int)");
        assertThat(host.plugin("hostile-exitlater.jar").orElseThrow().error())
                .contains("hostile.exitlater.ExitLater.offerings() calls java.lang.Runtime.halt(int)");
        assertThat(host.plugin("hostile-throwing").orElseThrow().error())
                .contains("Throwing.offerings() failed", "price table corrupt");
        assertThat(host.plugin("hostile-not-a-zip.jar").orElseThrow().error()).contains("not a readable jar/zip archive");
        assertThat(host.plugin("hostile-future-api.jar").orElseThrow().error()).contains("requires Burnrate API >=9.0.0");
        assertThat(HOSTILE_FILES).allSatisfy(f -> assertThat(host.plugins()).anyMatch(p -> f.equals(p.fileName())
                && p.state() != HostPluginState.STARTED));
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    private static ConfigurableApplicationContext start(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--burnrate.data-dir=" + data.toAbsolutePath(),
                "--burnrate.admin.initial-password=first-admin-password", "--burnrate.plugins.call-timeout=3s"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(BurnrateApplication.class).run(args.toArray(String[]::new));
    }
}
