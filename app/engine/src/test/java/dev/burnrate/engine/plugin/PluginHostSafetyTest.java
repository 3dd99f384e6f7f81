package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hostile plugin set (exit in init, exit in a later call, hang, throw, not a zip, wrong API version) uploaded
 * and dropped into the plugins folder: each is refused or held back with a clear message, and the host carries on.
 * The exit plugins call System.exit for real: if the scan let them load, this test JVM would end.
 */
class PluginHostSafetyTest extends PluginHostTestBase {

    @Test
    void uploadsThatWouldEndTheProcessAreRefusedNamingClassAndMethod() throws Exception {
        startHost();
        assertThatThrownBy(() -> upload(plugins.plugin("exitinit").jar(uploads, "exitinit.jar")))
                .isInstanceOf(PluginValidationException.class)
                .hasMessageContaining("testplugin.exitinit.ExitInInitProvider.init(PluginContext) calls "
                        + "java.lang.System.exit(int)");
        assertThatThrownBy(() -> upload(plugins.plugin("exitlater").jar(uploads, "exitlater.jar")))
                .isInstanceOf(PluginValidationException.class)
                .hasMessageContaining("testplugin.exitlater.ExitLaterProvider.offerings() calls java.lang.System.exit(int)")
                .hasMessageContaining("ExitLaterProvider.provision(ProvisionRequest) calls java.lang.ProcessBuilder.start()");
        Path exitJar = plugins.plugin("exitinit").jar(uploads, "evil-lib.jar");
        Path withLibrary = plugins.plugin("good").withEntry("lib/evil-lib.jar", Files.readAllBytes(exitJar))
                .jar(uploads, "good-with-lib.jar");
        assertThatThrownBy(() -> upload(withLibrary)).isInstanceOf(PluginValidationException.class)
                .hasMessageContaining("in lib/evil-lib.jar: testplugin.exitinit.ExitInInitProvider.init(PluginContext)"
                        + " calls java.lang.System.exit(int)");
        assertThat(host.plugins()).isEmpty();
        assertThat(folderContents()).isEmpty();
    }

    @Test
    void uploadsWhoseFirstCallsHangOrThrowAreRolledBackWhole() throws Exception {
        startHost(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> upload(plugins.plugin("stuck").jar(uploads, "stuck.jar")))
                .isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("stuck.jar (plugin stuck-plugin) was not installed: a check call failed")
                .hasMessageContaining("StuckProvider.offerings() did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThatThrownBy(() -> upload(plugins.plugin("throwing").jar(uploads, "throwing.jar")))
                .isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("ThrowingProvider.offerings() failed", "price table corrupt");
        assertThatThrownBy(() -> upload(plugins.plugin("badrules").jar(uploads, "badrules.jar")))
                .isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("BrokenRuleType.parameters() failed", "schema file missing");

        assertThat(host.plugins()).isEmpty();
        assertThat(folderContents()).isEmpty();
        assertThat(safety.journal().suspension("stuck-plugin")).as("a rolled-back install leaves no trace").isEmpty();
        assertThat(upload(plugins.plugin("good").jar(uploads, "good.jar")).state()).isEqualTo(HostPluginState.STARTED);
    }

    @Test
    void theHostileSetInTheFolderIsHeldBackAndTheHostStartsEveryTime() throws Exception {
        plugins.plugin("exitinit").jar(pluginsDir, "exitinit.jar");
        plugins.plugin("exitlater").jar(pluginsDir, "exitlater.jar");
        plugins.plugin("stuck").jar(pluginsDir, "stuck.jar");
        plugins.plugin("throwing").jar(pluginsDir, "throwing.jar");
        Files.writeString(pluginsDir.resolve("not-a-zip.jar"), "just text");
        plugins.plugin("hardware").set("Plugin-Requires", ">=9.0.0").jar(pluginsDir, "future.jar");
        plugins.plugin("good").jar(pluginsDir, "good.jar");

        for (int restart = 0; restart < 2; restart++) {
            startHost(Duration.ofMillis(300));
            assertThat(host.plugin("exitinit.jar").orElseThrow().error())
                    .contains("ExitInInitProvider.init(PluginContext) calls java.lang.System.exit(int)");
            assertThat(host.plugin("exitlater.jar").orElseThrow().error())
                    .contains("ExitLaterProvider.offerings() calls java.lang.System.exit(int)");
            assertThat(host.plugin("not-a-zip.jar").orElseThrow().error()).contains("not a readable jar/zip archive");
            assertThat(host.plugin("future.jar").orElseThrow().error()).contains("requires Burnrate API >=9.0.0");
            assertThat(host.plugin("throwing-plugin").orElseThrow().error()).contains("price table corrupt");
            assertThat(host.plugin("good-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
            assertThat(host.extensions(CloudProvider.class)).extracting(PluginExtension::pluginId)
                    .containsExactly("good-plugin");
        }
        // The hang was found at the first start and suspended; after the restart the plugin is not even started.
        PluginInfo stuck = host.plugin("stuck-plugin").orElseThrow();
        assertThat(stuck.state()).isEqualTo(HostPluginState.SUSPENDED);
        assertThat(stuck.error()).contains("suspended before the last restart",
                "StuckProvider.offerings() did not answer within 300 ms");
    }

    @Test
    void aPluginWhoseStartHangsFailsAloneAndStaysSuspendedAfterARestart() throws Exception {
        plugins.plugin("slowstart").jar(pluginsDir, "slowstart.jar");
        plugins.plugin("good").jar(pluginsDir, "good.jar");

        long start = System.nanoTime();
        startHost(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        PluginInfo slow = host.plugin("slowstart-plugin").orElseThrow();
        assertThat(slow.state()).isEqualTo(HostPluginState.FAILED);
        assertThat(slow.error()).contains("failed to start", "starting plugin slowstart-plugin did not answer within 300 ms");
        assertThat(host.plugin("good-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);

        startHost(Duration.ofMillis(300));
        assertThat(host.plugin("slowstart-plugin").orElseThrow().state()).isEqualTo(HostPluginState.SUSPENDED);
    }

    @Test
    void aPluginWhoseStartNeverEndedStartsSuspendedUntilEnabled() throws Exception {
        plugins.plugin("good").jar(pluginsDir, "good.jar");
        safety.journal().startBegins("good-plugin"); // as left by a process that died in the plugin's first calls

        startHost();
        PluginInfo held = host.plugin("good-plugin").orElseThrow();
        assertThat(held.state()).isEqualTo(HostPluginState.SUSPENDED);
        assertThat(held.error()).contains("the portal stopped while this plugin was starting");
        assertThat(host.extensions(CloudProvider.class)).isEmpty();

        startHost();
        assertThat(host.plugin("good-plugin").orElseThrow().state()).as("still held after another restart")
                .isEqualTo(HostPluginState.SUSPENDED);
        assertThat(host.enable("good-plugin").state()).isEqualTo(HostPluginState.STARTED);
        assertThat(safety.journal().unfinishedStart("good-plugin")).as("the marker is cleared after the start").isEmpty();
        startHost();
        assertThat(host.plugin("good-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
    }

    @Test
    void aSuspensionOfAStartedPluginOutlivesARestart() throws Exception {
        safety = safety.withoutSmokeCalls(); // this plugin's regions() throws; it must get past its start here
        startHost(Duration.ofMillis(300));
        upload(plugins.plugin("hanging").jar(uploads, "hanging.jar"));
        CloudProvider hanging = host.extensions(CloudProvider.class).getFirst().extension();
        assertThatThrownBy(hanging::offerings).isInstanceOf(PluginCallException.class);

        startHost(Duration.ofMillis(300));
        PluginInfo info = host.plugin("hanging-plugin").orElseThrow();
        assertThat(info.state()).isEqualTo(HostPluginState.SUSPENDED);
        assertThat(info.error()).contains("suspended before the last restart", "HangingProvider.offerings() did not answer");
        assertThat(host.extensions(CloudProvider.class)).isEmpty();

        host.disable("hanging-plugin");
        assertThat(safety.journal().suspension("hanging-plugin")).as("an administrator's decision clears it").isEmpty();
    }

    /** The breaker's trial call brought it back: a restart must not resurrect the suspension from the journal. */
    @Test
    void aPluginThatPassedItsTrialCallStartsNormallyAfterARestart() throws Exception {
        safety = safety.withoutSmokeCalls(); // this plugin's regions() throws; it must get past its start here
        PluginHostConfig config = PluginHostConfig.defaults(pluginsDir).withCallTimeout(Duration.ofMillis(300))
                .withBreakerCoolDown(Duration.ofMillis(200));
        host = new PluginHost(config, InMemoryPluginContext::new, (pluginId, message, suspended) -> { }, safety);
        host.start();
        upload(plugins.plugin("hanging").jar(uploads, "hanging.jar"));
        CloudProvider hanging = host.extensions(CloudProvider.class).getFirst().extension();
        assertThatThrownBy(hanging::offerings).isInstanceOf(PluginCallException.class);
        assertThat(safety.journal().suspension("hanging-plugin")).isPresent();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String answer = null;
        while (answer == null) {
            try {
                answer = hanging.displayName(); // refused while the circuit is open, the trial call once it is not
            } catch (PluginCallException stillOpen) {
                assertThat(System.nanoTime()).as("the cool-down ended").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
        assertThat(answer).isEqualTo("Good Cloud");
        assertThat(safety.journal().suspension("hanging-plugin")).as("recovery clears the kept suspension").isEmpty();

        startHost(Duration.ofMillis(300));
        assertThat(host.plugin("hanging-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
    }

    @Test
    void withAnAllowListOnlyListedDigestsLoad() throws Exception {
        Path good = plugins.plugin("good").jar(uploads, "good.jar");
        Path hardware = plugins.plugin("hardware").jar(uploads, "hardware.jar");
        Files.copy(hardware, pluginsDir.resolve("hardware.jar"));
        safety = safety.withAllowList(Set.of(Sha256.of(good).toUpperCase()));

        startHost();
        assertThat(host.plugin("hardware.jar").orElseThrow().error())
                .contains("hardware.jar was not loaded: its SHA-256 " + Sha256.of(hardware), "not on this portal's allow-list");
        assertThatThrownBy(() -> upload(hardware))
                .isInstanceOf(PluginValidationException.class).hasMessageContaining("allow-list");
        assertThat(upload(good).state()).isEqualTo(HostPluginState.STARTED);
    }

    @Test
    void safeModeLoadsOnlyTheBuiltInPlugins() throws Exception {
        Path builtin = plugins.plugin("hardware").jar(pluginsDir, "hardware.jar");
        plugins.plugin("good").jar(pluginsDir, "good.jar");
        safety = safety.withBuiltins(Set.of(Sha256.of(builtin))).withSafeMode(true);

        startHost();
        assertThat(host.plugin("hardware-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
        PluginInfo skipped = host.plugin("good-plugin").orElseThrow();
        assertThat(skipped.state()).isEqualTo(HostPluginState.DISABLED);
        assertThat(skipped.error()).contains("safe mode");
        assertThat(host.extensions(CloudProvider.class)).isEmpty();
        assertThatThrownBy(() -> upload(plugins.plugin("throwing").jar(uploads, "throwing.jar")))
                .hasMessageContaining("the portal runs in safe mode");

        host.uninstall("good-plugin"); // the way out of a plugin that breaks the portal
        assertThat(folderContents()).contains("hardware.jar").doesNotContain("good.jar");
    }

    @Test
    void archivesNestedTooDeepAreRefused() throws IOException {
        Path deepest = plugins.plugin("hardware").jar(uploads, "deepest.jar");
        Path inner = plugins.plugin("hardware").withEntry("lib/deepest.jar", Files.readAllBytes(deepest))
                .jar(uploads, "inner.jar");
        Path middle = plugins.plugin("hardware").withEntry("lib/inner.jar", Files.readAllBytes(inner)).jar(uploads, "m.jar");
        Path outer = plugins.plugin("hardware").withEntry("lib/m.jar", Files.readAllBytes(middle)).jar(uploads, "o.jar");
        startHost();
        assertThatThrownBy(() -> upload(outer)).hasMessageContaining(
                "lib/m.jar!/lib/inner.jar!/lib/deepest.jar is nested 3 archives deep");
    }
}
