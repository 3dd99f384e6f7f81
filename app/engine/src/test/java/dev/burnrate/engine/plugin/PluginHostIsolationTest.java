package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisioningException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Calls into plugins that hang or throw are cut off and reported; enable, disable and uninstall. */
class PluginHostIsolationTest extends PluginHostTestBase {

    private CloudProvider provider(String pluginId) {
        return host.extensions(CloudProvider.class).stream().filter(e -> e.pluginId().equals(pluginId))
                .findFirst().orElseThrow().extension();
    }

    @Test
    void aHangingCallIsCutOffAndThePluginSuspendedUntilEnabledAgain() throws Exception {
        safety = safety.withoutSmokeCalls(); // the check calls at start would refuse this plugin before its calls
        startHost(Duration.ofMillis(300));
        upload(plugins.plugin("hanging").jar(uploads, "hanging.jar"));
        CloudProvider hanging = provider("hanging-plugin");
        long generation = host.generation();

        long start = System.nanoTime();
        assertThatThrownBy(hanging::offerings).isInstanceOf(PluginCallException.class)
                .hasMessageContaining("HangingProvider.offerings() did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        PluginInfo info = host.plugin("hanging-plugin").orElseThrow();
        assertThat(info.state()).isEqualTo(HostPluginState.SUSPENDED);
        assertThat(host.generation()).as("a suspension changes the set of usable extensions").isGreaterThan(generation);
        assertThat(info.error()).contains("did not answer");
        assertThat(host.extensions(CloudProvider.class)).isEmpty();
        assertThatThrownBy(hanging::displayName).hasMessageContaining("is suspended");

        assertThat(host.enable("hanging-plugin").state()).isEqualTo(HostPluginState.STARTED);
        assertThat(provider("hanging-plugin").displayName()).isEqualTo("Good Cloud");
    }

    @Test
    void unexpectedExceptionsAreReportedAndSuspendThePluginAfterThreeInARow() throws Exception {
        safety = safety.withoutSmokeCalls(); // the check calls at start would refuse this plugin before its calls
        startHost();
        upload(plugins.plugin("hanging").jar(uploads, "hanging.jar"));
        CloudProvider broken = provider("hanging-plugin");

        assertThatThrownBy(broken::regions).isInstanceOf(PluginCallException.class)
                .hasMessageContaining("region table corrupt");
        PluginInfo afterOne = host.plugin("hanging-plugin").orElseThrow();
        assertThat(afterOne.state()).isEqualTo(HostPluginState.STARTED);
        assertThat(afterOne.error()).contains("HangingProvider.regions() failed", "region table corrupt");

        // Declared exceptions are answers, not faults: they pass through unchanged and reset nothing.
        assertThatThrownBy(() -> broken.status("x")).isInstanceOf(ProvisioningException.class).hasMessage("no x");

        assertThatThrownBy(broken::regions).isInstanceOf(PluginCallException.class);
        assertThatThrownBy(broken::regions).hasMessageContaining("the plugin is suspended");
        assertThat(host.plugin("hanging-plugin").orElseThrow().state()).isEqualTo(HostPluginState.SUSPENDED);
    }

    @Test
    void disableSurvivesARestartEnableStartsAgainUninstallDeletes() throws Exception {
        startHost();
        upload(plugins.plugin("good").jar(uploads, "good.jar"));

        long generation = host.generation();
        assertThat(host.disable("good-plugin").state()).isEqualTo(HostPluginState.DISABLED);
        assertThat(host.generation()).isGreaterThan(generation);
        assertThat(host.extensions(CloudProvider.class)).isEmpty();

        startHost();
        assertThat(host.plugin("good-plugin").orElseThrow().state()).isEqualTo(HostPluginState.DISABLED);
        assertThat(host.enable("good-plugin").state()).isEqualTo(HostPluginState.STARTED);
        assertThat(provider("good-plugin").offerings()).hasSize(1);

        host.uninstall("good-plugin");
        assertThat(host.plugins()).isEmpty();
        assertThat(folderContents()).doesNotContain("good-plugin-1.0.0.jar");
        assertThatThrownBy(() -> host.enable("good-plugin")).hasMessageContaining("no plugin 'good-plugin'");
    }

    @Test
    void aFailedPluginCanBeRetried() throws IOException {
        plugins.plugin("failing").jar(pluginsDir, "failing.jar");
        startHost();
        PluginInfo retried = host.enable("failing-plugin");
        assertThat(retried.state()).isEqualTo(HostPluginState.FAILED);
        assertThat(retried.error()).contains("database unreachable");
    }
}
