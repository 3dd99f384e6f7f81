package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ApiVersion;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.HardwareCatalog;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Plugins found in the plugins folder at start-up. */
class PluginHostLoadingTest extends PluginHostTestBase {

    @Test
    void loadsPluginJarsFromTheFolderAndHandsOutTheirExtensions() throws IOException {
        plugins.plugin("good").jar(pluginsDir, "good.jar");
        plugins.plugin("hardware").jar(pluginsDir, "hardware.jar");
        startHost();

        assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state).containsExactly(
                org.assertj.core.api.Assertions.tuple("good-plugin", HostPluginState.STARTED),
                org.assertj.core.api.Assertions.tuple("hardware-plugin", HostPluginState.STARTED));
        PluginInfo good = host.plugin("good-plugin").orElseThrow();
        assertThat(good.extensions()).singleElement().satisfies(e -> {
            assertThat(e.extensionPoint()).isEqualTo("CloudProvider");
            assertThat(e.id()).isEqualTo("good");
            assertThat(e.className()).isEqualTo("testplugin.good.GoodProvider");
        });
        assertThat(good.sha256()).isEqualTo(Sha256.of(pluginsDir.resolve("good.jar")));
        assertThat(good.version()).isEqualTo("1.0.0");

        var providers = host.extensions(CloudProvider.class);
        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p.pluginId()).isEqualTo("good-plugin");
            // The plugin saw the context the host gave it.
            assertThat(p.extension().regions().get(0).name()).isEqualTo("Frankfurt test");
            assertThat(p.extension().offerings()).hasSize(1);
            // Built for API 1.0 (Prices without a currency): its prices are read as USD.
            assertThat(p.extension().offerings().get(0).prices().currency()).isEqualTo("USD");
        });
        assertThat(host.extensions(HardwareCatalog.class).get(0).extension().specs().get(0).model()).isEqualTo("X1");
    }

    @Test
    void aPluginThatThrowsAtStartIsMarkedFailedWithItsCauseAndTheOthersRun() throws IOException {
        plugins.plugin("failing").jar(pluginsDir, "failing.jar");
        plugins.plugin("good").jar(pluginsDir, "good.jar");
        startHost();

        PluginInfo failing = host.plugin("failing-plugin").orElseThrow();
        assertThat(failing.state()).isEqualTo(HostPluginState.FAILED);
        assertThat(failing.error()).contains("failed to start", "database unreachable");
        assertThat(failing.extensions()).isEmpty();
        assertThat(host.plugin("good-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
        assertThat(host.extensions(CloudProvider.class)).extracting(PluginExtension::pluginId)
                .containsExactly("good-plugin");
    }

    @Test
    void anExtensionThatFailsToInitialiseFailsItsPlugin() throws IOException {
        plugins.plugin("initfails").jar(pluginsDir, "initfails.jar");
        startHost();

        PluginInfo info = host.plugin("initfails-plugin").orElseThrow();
        assertThat(info.state()).isEqualTo(HostPluginState.FAILED);
        assertThat(info.error()).contains("InitFailsProvider", "setting api-key is required");
        assertThat(host.extensions(CloudProvider.class)).isEmpty();
    }

    @Test
    void brokenArchivesInTheFolderAreListedAsFailedWithTheReason() throws IOException {
        plugins.plugin("good").set("Plugin-Requires", ">=2.0.0").jar(pluginsDir, "future.jar");
        plugins.plugin("hardware").set("Plugin-Id", null).jar(pluginsDir, "anonymous.jar");
        Files.writeString(pluginsDir.resolve("notes.jar"), "not a zip");
        startHost();

        assertThat(host.plugin("future.jar").orElseThrow().error())
                .contains("requires Burnrate API >=2.0.0 but this portal provides API " + ApiVersion.CURRENT);
        assertThat(host.plugin("anonymous.jar").orElseThrow().error()).contains("Plugin-Id is missing");
        assertThat(host.plugin("notes.jar").orElseThrow().error()).contains("not a readable jar/zip archive");
        assertThat(host.plugins()).allSatisfy(p -> assertThat(p.state()).isEqualTo(HostPluginState.FAILED));

        host.uninstall("notes.jar");
        assertThat(pluginsDir.resolve("notes.jar")).doesNotExist();
    }

    @Test
    void twoArchivesWithTheSameIdLoadOnlyTheFirst() throws IOException {
        plugins.plugin("good").jar(pluginsDir, "a-good.jar");
        plugins.plugin("good").set("Plugin-Version", "2.0.0").jar(pluginsDir, "b-good.jar");
        startHost();

        assertThat(host.plugin("good-plugin").orElseThrow().version()).isEqualTo("1.0.0");
        assertThat(host.plugin("b-good.jar").orElseThrow().error()).contains("already used by a-good.jar");
    }
}
