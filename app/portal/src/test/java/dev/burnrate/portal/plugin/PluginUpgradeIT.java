package dev.burnrate.portal.plugin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.burnrate.portal.db.Tables.PLUGIN_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.plugin.HostPluginState;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.audit.AuditEntry;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.ResourceService;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Upgrading the sample provider in place while one of its resources runs: the upload of 1.0.1 replaces 1.0.0
 * (audited as an upgrade), a 1.0.2 that fails to start leaves 1.0.1 running, the resource keeps being metered,
 * stopped and deleted through the new version (its state lives in plugin_state under the same plugin id), and
 * uninstalling lists the resource and is refused until it is gone or the admin confirms orphaning it.
 */
class PluginUpgradeIT extends BrowserTestBase {
    private static final Path SAMPLE_JAR = Paths.get("target", "it-plugins", "burnrate-example-sample-provider.jar");
    private static final String ID = "sample-provider";

    @Autowired
    PluginHost host;
    @Autowired
    PluginAdminService admin;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    ResourceService resources;
    @Autowired
    AuditService audit;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationContext app;
    @Autowired
    BuiltinPlugins builtins;
    @Autowired
    PluginInstallRepository installs;

    private String resourceId;

    @BeforeEach
    @AfterEach
    void withoutTheSamplePluginOrItsResources() {
        if (resourceId != null) {
            try {
                RunAs.user(app, "approver", () -> resources.delete(resourceId), Role.APPROVER);
            } catch (RuntimeException e) {
                // already deleted, or the provider is gone: the uninstall below orphans it explicitly
            }
        }
        if (host.plugin(ID).isPresent()) {
            SystemRunner.runAsSystem(() -> admin.uninstall(ID, true));
        }
        if (host.plugin("hardware-nvidia").orElseThrow().state() == HostPluginState.DISABLED) {
            SystemRunner.runAsSystem(() -> admin.enable("hardware-nvidia"));
        }
    }

    @Test
    void anUpgradeKeepsTheRunningResourceManagedAndAFailedOneRollsBack() throws Exception {
        assertThat(upload(SAMPLE_JAR).upgraded()).isFalse();
        resourceId = provisionSampleResource();
        bootedTwoMinutesAgo(resourceId);

        // Without the NVIDIA catalog nothing knows the sample's H100: the upload result says so.
        SystemRunner.runAsSystem(() -> admin.disable("hardware-nvidia"));
        loginAs("admin");
        open("admin/plugins");
        page.locator("#plugin-upload input[type=file]").setInputFiles(sampleJar("1.0.1", idx -> idx));
        assertThat(page.locator("#upload-result")).containsText("Upgraded sample-provider from 1.0.0 to 1.0.1");
        assertThat(page.locator("#upload-warnings")).containsText("accelerator 'H100' (sample.gpu-h100)");
        SystemRunner.runAsSystem(() -> admin.enable("hardware-nvidia"));
        open("admin/plugins");
        assertThat(page.locator("span[data-plugin='sample-provider']")).hasText("STARTED");
        assertThat(page.locator("#plugins-grid")).containsText("Sample Cloud: a third-party provider plugin example");
        // The built-in Azure provider sells retired GPUs no hardware catalog knows: its row says which.
        assertThat(page.locator("span[data-warnings-for='provider-azure']")).containsText("accelerator 'M60'");
        screenshot("plugins-sample-upgraded");
        assertThat(host.plugin(ID).orElseThrow().version()).isEqualTo("1.0.1");
        assertThat(auditEntries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("plugin.upgrade");
            assertThat(e.target()).isEqualTo("plugin:sample-provider");
            assertThat(e.afterJson()).contains("plugin upgraded from 1.0.0 to 1.0.1");
        });

        // 1.0.2 lists a class that is no extension: it fails to start, and 1.0.1 runs on.
        page.locator("#plugin-upload input[type=file]").setInputFiles(sampleJar("1.0.2",
                idx -> "dev.burnrate.plugins.sample.SamplePlugin\n"));
        assertThat(page.locator("#upload-result")).containsText("Not installed");
        assertThat(page.locator("#upload-result")).containsText("version 1.0.1 still runs");
        assertThat(host.plugin(ID).orElseThrow().version()).isEqualTo("1.0.1");
        assertThat(host.plugin(ID).orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
        Path again = sampleJar("1.0.1", idx -> idx);
        assertThatThrownBy(() -> upload(again)).hasMessageContaining("version 1.0.1 is already installed");

        // The new version answers for the resource: status and metering, then the owner's stop.
        SystemRunner.callAsSystem(resources::meterNow);
        assertThat(stateOf(resourceId)).isEqualTo(ResourceState.RUNNING);
        assertThat(RunAs.user(app, "approver", () -> resources.stop(resourceId), Role.APPROVER).state())
                .isEqualTo(ResourceState.STOPPED);

        // Uninstalling would orphan the (stopped, still live) resource: listed, and refused unless confirmed.
        page.locator("#uninstall-sample-provider").click();
        assertThat(page.locator("#orphaned-resources")).containsText(resourceId);
        assertThat(page.locator("#confirm-uninstall")).isDisabled();
        screenshot("plugins-uninstall-orphans");
        page.locator("#cancel-uninstall").click();
        assertThat(SystemRunner.callAsSystem(() -> admin.orphanedBy(ID))).extracting(OrphanedResource::id)
                .containsExactly(resourceId);
        assertThatThrownBy(() -> SystemRunner.runAsSystem(() -> admin.uninstall(ID)))
                .isInstanceOf(PluginOrphansException.class).hasMessageContaining(resourceId);
        assertThat(host.plugin(ID)).isPresent();

        assertThat(RunAs.user(app, "approver", () -> resources.delete(resourceId), Role.APPROVER).state())
                .isEqualTo(ResourceState.DELETED);
        SystemRunner.runAsSystem(() -> admin.uninstall(ID));
        assertThat(host.plugin(ID)).isEmpty();
    }

    private PluginInstallOutcome upload(Path jar) throws IOException {
        byte[] content = Files.readAllBytes(jar);
        return SystemRunner.callAsSystem(() -> {
            try {
                return admin.installOrUpgrade(jar.getFileName().toString(), content);
            } catch (PluginUploadException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Test
    void aNewerBuiltInUpgradesInPlaceAndAnOlderOneReplacesIt() throws IOException {
        BuiltinPlugins.Builtin tpu = builtins.list().stream().filter(b -> b.pluginId().equals("hardware-tpu"))
                .findFirst().orElseThrow();
        byte[] newer = rewritten(tpu.content(), "9.0.0", idx -> idx);
        SystemRunner.runAsSystem(() -> {
            assertThat(installs.findActive("hardware-tpu")).hasValueSatisfying(
                    r -> assertThat(r.source()).isEqualTo(PluginSource.BUILTIN));
            admin.installBuiltins(List.of(new BuiltinPlugins.Builtin(tpu.fileName(), tpu.pluginId(), "9.0.0", newer)));
            assertThat(host.plugin("hardware-tpu").orElseThrow().version()).isEqualTo("9.0.0");
            assertThat(host.plugin("hardware-tpu").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
            assertThat(auditEntries()).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("plugin.upgrade");
                assertThat(e.target()).isEqualTo("plugin:hardware-tpu");
            });

            // The portal rolled back to the shipped version: the older built-in replaces the newer one.
            admin.installBuiltins(List.of(tpu));
            assertThat(host.plugin("hardware-tpu").orElseThrow().version()).isEqualTo(tpu.version());
            assertThat(host.plugin("hardware-tpu").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
            assertThat(installs.findActive("hardware-tpu")).hasValueSatisfying(r -> {
                assertThat(r.source()).isEqualTo(PluginSource.BUILTIN);
                assertThat(r.version()).isEqualTo(tpu.version());
            });
        });
    }

    private String provisionSampleResource() {
        RequestDraft draft = new RequestDraft(Template.NOTEBOOK, "inference", null, "upgrade-check", "sample-cloud",
                "sample-eu-ams", "sample.small", 1, PurchaseOption.ON_DEMAND, 8.0, "internal",
                Map.of("owner", "approver"), true, true, false, false);
        StoredRequest request = RunAs.user(app, "approver",
                () -> provisioning.submit(UUID.randomUUID().toString(), draft), Role.APPROVER);
        assertThat(request.state()).as(request.failure()).isEqualTo(RequestState.PROVISIONED);
        return request.resourceId();
    }

    /** The sample boots for a minute; its record of the resource is moved back so it runs already. */
    private void bootedTwoMinutesAgo(String id) {
        String entry = dsl.select(PLUGIN_STATE.STATE_VALUE).from(PLUGIN_STATE)
                .where(PLUGIN_STATE.PLUGIN_ID.eq(ID), PLUGIN_STATE.STATE_KEY.eq(id)).fetchSingle(PLUGIN_STATE.STATE_VALUE);
        String[] f = entry.split("\\|");
        f[4] = Long.toString(Long.parseLong(f[4]) - Duration.ofMinutes(2).toMillis());
        dsl.update(PLUGIN_STATE).set(PLUGIN_STATE.STATE_VALUE, String.join("|", f))
                .where(PLUGIN_STATE.PLUGIN_ID.eq(ID), PLUGIN_STATE.STATE_KEY.eq(id)).execute();
    }

    private ResourceState stateOf(String id) {
        return RunAs.user(app, "approver", () -> resources.find(id).orElseThrow().state(), Role.APPROVER);
    }

    private List<AuditEntry> auditEntries() {
        return SystemRunner.callAsSystem(() -> audit.find(AuditFilter.none(), 0, 50));
    }

    /** The sample jar as another version: its manifest's Plugin-Version rewritten, its extension index mapped. */
    private static Path sampleJar(String version, Function<String, String> index) throws IOException {
        Path jar = Files.createDirectories(Paths.get("target", "it-plugins", "upgrade"))
                .resolve("sample-provider-" + version + ".jar");
        return Files.write(jar, rewritten(Files.readAllBytes(SAMPLE_JAR), version, index));
    }

    private static byte[] rewritten(byte[] jar, String version, Function<String, String> index) throws IOException {
        java.io.ByteArrayOutputStream result = new java.io.ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Plugin-Version", version);
            try (JarOutputStream out = new JarOutputStream(result, manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals("META-INF/extensions.idx")) {
                        bytes = index.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
        return result.toByteArray();
    }
}
