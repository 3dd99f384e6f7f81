package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.CloudProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploading a newer version of an installed plugin replaces it in place; a version that fails leaves the old one
 * running as it was; the same or an older version is refused.
 */
class PluginHostUpgradeTest extends PluginHostTestBase {

    @BeforeEach
    void installVersionOne() throws IOException, PluginInstallException {
        startHost();
        upload(plugins.plugin("good").jar(uploads, "good.jar"));
    }

    @Test
    void aNewerVersionReplacesTheInstalledOneInPlace() throws Exception {
        // The "clash" classes offer the same provider id: here they are version 1.1.0 of good-plugin.
        Path newer = plugins.plugin("clash").set("Plugin-Id", "good-plugin").set("Plugin-Version", "1.1.0")
                .jar(uploads, "good-1.1.0.jar");
        PluginInstallResult result = installOrUpgrade(newer);

        assertThat(result.upgraded()).isTrue();
        assertThat(result.replacedVersion()).isEqualTo("1.0.0");
        assertThat(result.plugin().version()).isEqualTo("1.1.0");
        assertThat(result.plugin().state()).isEqualTo(HostPluginState.STARTED);
        assertThat(folderContents()).containsExactly("good-plugin-1.1.0.jar");
        assertThat(host.extensions(CloudProvider.class)).singleElement().satisfies(e -> {
            assertThat(e.extension().id()).isEqualTo("good");
            assertThat(e.extension().offerings()).isNotEmpty();
        });
        assertThat(result.plugin().extensions()).extracting(ExtensionInfo::className)
                .containsExactly("testplugin.clash.ClashingProvider");

        startHost();
        assertThat(host.plugin("good-plugin").orElseThrow().version()).isEqualTo("1.1.0");
        assertThat(host.plugin("good-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
    }

    @Test
    void aNewVersionThatFailsToStartLeavesTheOldOneRunning() throws Exception {
        Path failing = plugins.plugin("failing").set("Plugin-Id", "good-plugin").set("Plugin-Version", "1.1.0")
                .jar(uploads, "good-1.1.0.jar");
        assertThatThrownBy(() -> upload(failing)).isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("database unreachable").hasMessageContaining("version 1.0.0 still runs");

        expectOldVersionRunning();
    }

    @Test
    void aNewVersionThatDropsAProviderIsRolledBack() throws Exception {
        Path hardwareOnly = plugins.plugin("hardware").set("Plugin-Id", "good-plugin").set("Plugin-Version", "2.0.0")
                .jar(uploads, "good-2.0.0.jar");
        assertThatThrownBy(() -> upload(hardwareOnly)).isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("no longer provides CloudProvider good");

        expectOldVersionRunning();
    }

    @Test
    void theSameOrAnOlderVersionIsRefused() throws Exception {
        Path same = plugins.plugin("clash").set("Plugin-Id", "good-plugin").jar(uploads, "same.jar");
        assertThatThrownBy(() -> upload(same)).isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("plugin 'good-plugin' version 1.0.0 is already installed");
        Path older = plugins.plugin("good").set("Plugin-Version", "0.9.0").jar(uploads, "older.jar");
        assertThatThrownBy(() -> upload(older)).isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("it is a downgrade of plugin 'good-plugin' from 1.0.0 to 0.9.0");

        expectOldVersionRunning();
    }

    @Test
    void aDisabledPluginIsUpgradedAndStaysDisabled() throws Exception {
        host.disable("good-plugin");
        PluginInstallResult result = installOrUpgrade(plugins.plugin("good").set("Plugin-Version", "1.0.1")
                .jar(uploads, "good-1.0.1.jar"));
        assertThat(result.plugin().state()).isEqualTo(HostPluginState.DISABLED);
        assertThat(folderContents()).contains("good-plugin-1.0.1.jar").doesNotContain("good-plugin-1.0.0.jar");

        assertThat(host.enable("good-plugin").state()).isEqualTo(HostPluginState.STARTED);
        assertThat(host.plugin("good-plugin").orElseThrow().version()).isEqualTo("1.0.1");
    }

    private void expectOldVersionRunning() throws IOException {
        PluginInfo info = host.plugin("good-plugin").orElseThrow();
        assertThat(info.version()).isEqualTo("1.0.0");
        assertThat(info.state()).isEqualTo(HostPluginState.STARTED);
        assertThat(folderContents()).containsExactly("good-plugin-1.0.0.jar");
        assertThat(host.extensions(CloudProvider.class)).singleElement()
                .satisfies(e -> assertThat(e.extension().offerings()).isNotEmpty());
        assertThat(info.extensions()).extracting(ExtensionInfo::className)
                .containsExactly("testplugin.good.GoodProvider");
    }

    private PluginInstallResult installOrUpgrade(Path archive) throws IOException, PluginInstallException {
        try (InputStream in = Files.newInputStream(archive)) {
            return host.installOrUpgrade(archive.getFileName().toString(), in);
        }
    }
}
