package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.ApiVersion;
import dev.burnrate.api.CloudProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads: checked before they load, installed whole or not at all. */
class PluginHostInstallTest extends PluginHostTestBase {

    @BeforeEach
    void start() throws IOException {
        startHost();
    }

    @Test
    void anUploadIsInstalledUnderItsIdAndVersionAndStarted() throws Exception {
        Path jar = plugins.plugin("good").jar(uploads, "whatever-name.jar");
        PluginInfo info = upload(jar);

        assertThat(info.state()).isEqualTo(HostPluginState.STARTED);
        assertThat(info.fileName()).isEqualTo("good-plugin-1.0.0.jar");
        assertThat(info.sha256()).isEqualTo(Sha256.of(jar)).hasSize(64);
        assertThat(folderContents()).containsExactly("good-plugin-1.0.0.jar");
        assertThat(host.extensions(CloudProvider.class)).hasSize(1);

        // A restart finds it again.
        startHost();
        assertThat(host.plugin("good-plugin").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
    }

    @Test
    void aPf4jZipIsInstalledAndUninstalledCompletely() throws Exception {
        PluginInfo info = upload(plugins.plugin("hardware").zip(uploads, "hardware.zip"));
        assertThat(info.state()).isEqualTo(HostPluginState.STARTED);
        assertThat(info.extensions()).extracting(ExtensionInfo::extensionPoint).containsExactly("HardwareCatalog");

        host.uninstall("hardware-plugin");
        assertThat(folderContents()).isEmpty();
        assertThat(Files.list(pluginsDir).filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
    }

    @Test
    void brokenUploadsAreRefusedWithWhatToFixAndLeaveNothingBehind() throws Exception {
        expectRefused(plugins.plugin("good").set("Plugin-Id", "Bad_Id").jar(uploads, "a.jar"),
                "Plugin-Id 'Bad_Id' must be 2-64 lower-case letters");
        expectRefused(plugins.plugin("good").set("Plugin-Version", null).jar(uploads, "b.jar"),
                "Plugin-Version is missing");
        expectRefused(plugins.plugin("good").set("Plugin-Version", "one").jar(uploads, "c.jar"),
                "Plugin-Version 'one' is not a semantic version");
        expectRefused(plugins.plugin("good").set("Plugin-Requires", null).jar(uploads, "d.jar"),
                "Plugin-Requires is missing: declare the Burnrate API range");
        expectRefused(plugins.plugin("good").set("Plugin-Requires", ">=2.0.0 & <3.0.0").jar(uploads, "e.jar"),
                "requires Burnrate API >=2.0.0 & <3.0.0 but this portal provides API " + ApiVersion.CURRENT);
        expectRefused(plugins.plugin("good").withoutIndex().jar(uploads, "f.jar"),
                "no extensions: META-INF/extensions.idx is missing or empty");
        expectRefused(plugins.plugin("good").withEntry("dev/burnrate/api/CloudProvider.class", "x").jar(uploads, "g.jar"),
                "bundles dev/burnrate/api/CloudProvider.class");
        expectRefused(plugins.plugin("good").set("Plugin-Class", "testplugin.good.Missing").jar(uploads, "h.jar"),
                "Plugin-Class testplugin.good.Missing is not in the archive");
        Path notAZip = Files.writeString(uploads.resolve("i.jar"), "hello");
        expectRefused(notAZip, "not a readable jar/zip archive");
        Path text = Files.writeString(uploads.resolve("readme.txt"), "hello");
        expectRefused(text, "must be a plugin .jar or .zip");
        assertThat(host.plugins()).isEmpty();
    }

    @Test
    void everyProblemOfAnUploadIsListed() throws Exception {
        Path jar = plugins.plugin("good").set("Plugin-Id", null).set("Plugin-Requires", null).withoutIndex()
                .jar(uploads, "bad.jar");
        assertThatThrownBy(() -> upload(jar)).isInstanceOfSatisfying(PluginValidationException.class,
                e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void anUploadThatFailsToStartIsRolledBack() throws Exception {
        expectRefused(plugins.plugin("failing").jar(uploads, "failing.jar"), "database unreachable");
        expectRefused(plugins.plugin("initfails").jar(uploads, "initfails.jar"), "setting api-key is required");
        assertThat(host.plugins()).isEmpty();

        // Nothing of the failed attempts lingers in PF4J: a good plugin installs normally afterwards.
        assertThat(upload(plugins.plugin("good").jar(uploads, "good.jar")).state()).isEqualTo(HostPluginState.STARTED);
    }

    @Test
    void anInstalledIdOrExtensionIdCannotBeInstalledTwice() throws Exception {
        upload(plugins.plugin("good").jar(uploads, "good.jar"));
        expectRefused(plugins.plugin("good").jar(uploads, "good-again.jar"),
                "plugin 'good-plugin' version 1.0.0 is already installed");
        expectRefused(plugins.plugin("clash").jar(uploads, "clash.jar"),
                "CloudProvider id 'good' is already provided by plugin good-plugin");
        assertThat(folderContents()).containsExactly("good-plugin-1.0.0.jar");
        assertThat(host.plugins()).extracting(PluginInfo::id).containsExactly("good-plugin");
    }

    @Test
    void oversizedAndEmptyUploadsAreRefused() throws Exception {
        host.close();
        host = new PluginHost(new PluginHostConfig(pluginsDir, java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(5), 1024, 3), id -> new dev.burnrate.plugins.testkit.InMemoryPluginContext(id));
        host.start();
        assertThatThrownBy(() -> host.install("big.jar", new ByteArrayInputStream(new byte[4096])))
                .hasMessageContaining("larger than the upload limit");
        assertThatThrownBy(() -> host.install("../../etc/empty.jar", new ByteArrayInputStream(new byte[0])))
                .hasMessageContaining("empty.jar is not an installable plugin: the file is empty");
        assertThat(folderContents()).isEmpty();
    }

    private void expectRefused(Path archive, String message) throws IOException {
        var before = folderContents();
        assertThatThrownBy(() -> upload(archive)).isInstanceOf(PluginInstallException.class)
                .hasMessageContaining(message);
        assertThat(folderContents()).as("folder after refusing %s", archive.getFileName()).isEqualTo(before);
    }
}
