package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import dev.burnrate.engine.plugin.HostPluginState;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.audit.AuditEntry;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.plugin.PluginAdminService;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Admin > Plugins and the catalog in the browser: the built-in plugins run, an admin installs the sample
 * third-party plugin by upload and finds its offerings in /catalog, and a broken upload gets a clear error and
 * installs nothing.
 */
class PluginsAndCatalogIT extends BrowserTestBase {
    /** Copied there by the portal's build (maven-dependency-plugin, prepare-package). */
    private static final Path SAMPLE_JAR = Paths.get("target", "it-plugins", "burnrate-example-sample-provider.jar");

    @Autowired
    PluginHost host;
    @Autowired
    PluginAdminService admin;
    @Autowired
    AuditService audit;

    @BeforeEach
    void withoutTheSamplePlugin() {
        if (host.plugin("sample-provider").isPresent()) {
            SystemRunner.runAsSystem(() -> admin.uninstall("sample-provider"));
        }
    }

    @Test
    void builtInPluginsRunAndRealPricesAreInTheCatalog() {
        assertThat(host.plugins()).extracting(p -> p.id() + " " + p.state()).contains(
                "provider-aws STARTED", "provider-gcp STARTED", "provider-azure STARTED",
                "hardware-nvidia STARTED", "hardware-tpu STARTED", "hardware-cpu STARTED");
        loginAs("engineer");
        open("catalog");
        assertThat(page.locator("#price-list-aws"))
                .containsText("as the plugin ships them (SkyPilot v9 @ 2c3d7ea of 2026-12-07)");
        assertThat(page.locator("#price-list-azure")).containsText("SkyPilot v6 @ 098741e of 2026-12-07");
        chooseInComboBox("#filter-provider", "Amazon Web Services");
        chooseInComboBox("#filter-accelerator", "H200");
        assertThat(page.locator("#catalog-grid").locator("vaadin-grid-cell-content",
                new Locator.LocatorOptions().setHasText("p5en.48xlarge")).first()).isVisible();
        chooseInComboBox("#filter-accelerator", "H100");
        Locator grid = page.locator("#catalog-grid");
        assertThat(grid.locator("vaadin-grid-cell-content", new Locator.LocatorOptions().setHasText("p5.48xlarge"))
                .first()).isVisible();
        assertThat(page.locator("#catalog-count")).containsText("offerings");
        assertThat(page.locator("#cheapest-accelerator-chart")).hasAttribute("data-render-count",
                java.util.regex.Pattern.compile("[1-9]\\d*"));
        screenshot("catalog-aws-h100");
    }

    @Test
    void adminInstallsTheSamplePluginAndSeesItsOfferingsInTheCatalog() {
        assertThat(SAMPLE_JAR).as("the build copies the sample plugin here").exists();
        loginAs("admin");
        open("admin/plugins");
        assertThat(page.locator("span[data-plugin='provider-aws']")).hasText("STARTED");

        page.locator("#plugin-upload input[type=file]").setInputFiles(SAMPLE_JAR);
        assertThat(page.locator("#upload-result")).containsText("Installed sample-provider 1.0.0");
        assertThat(page.locator("span[data-plugin='sample-provider']")).hasText("STARTED");
        screenshot("plugins-sample-installed");
        assertThat(host.plugin("sample-provider").orElseThrow().state()).isEqualTo(HostPluginState.STARTED);
        assertThat(auditEntries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("plugin.install");
            assertThat(e.target()).isEqualTo("plugin:sample-provider");
            assertThat(e.actor()).isEqualTo("admin");
        });

        open("catalog");
        chooseInComboBox("#filter-provider", "Sample Cloud");
        assertThat(page.locator("#catalog-count")).hasText("6 offerings");
        assertThat(page.locator("#catalog-grid").locator("vaadin-grid-cell-content",
                new Locator.LocatorOptions().setHasText("sample.gpu-h100")).first()).isVisible();
        screenshot("catalog-sample-provider");
    }

    @Test
    void aBrokenUploadGetsAClearErrorAndInstallsNothing() throws IOException {
        Path broken = brokenJar();
        List<String> before = pluginFolder();
        int pluginsBefore = host.plugins().size();
        loginAs("admin");
        open("admin/plugins");

        page.locator("#plugin-upload input[type=file]").setInputFiles(broken);
        Locator result = page.locator("#upload-result");
        assertThat(result).containsText("Not installed");
        assertThat(result).containsText("Plugin-Requires is missing");
        assertThat(result).containsText("no extensions: META-INF/extensions.idx is missing");
        screenshot("plugins-broken-upload");

        assertThat(page.locator("span[data-plugin='broken-plugin']")).hasCount(0);
        assertThat(host.plugins()).hasSize(pluginsBefore);
        assertThat(pluginFolder()).isEqualTo(before);
        assertThat(auditEntries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("plugin.install-refused");
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.afterJson()).contains("broken-plugin.jar", "Plugin-Requires is missing");
        });
    }

    @Test
    void engineersCannotOpenThePluginAdmin() {
        loginAs("engineer");
        open("admin/plugins");
        assertThat(page.locator("#plugins-grid")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Admin · Plugins"))).hasCount(0);
    }

    private void chooseInComboBox(String id, String item) {
        page.locator(id + " input").fill(item);
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText(item))
                .first().click();
        waitForVaadin();
    }

    private List<AuditEntry> auditEntries() {
        return SystemRunner.callAsSystem(() -> audit.find(AuditFilter.none(), 0, 50));
    }

    private List<String> pluginFolder() throws IOException {
        Path dir = host.config().pluginsDir();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** A jar with a plugin id but no Plugin-Requires and no extension index: two problems to report. */
    private static Path brokenJar() throws IOException {
        Path jar = Files.createDirectories(Paths.get("target", "it-plugins")).resolve("broken-plugin.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", "broken-plugin");
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            zip.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            zip.write("not a plugin".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
