package dev.burnrate.portal.plugin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Locator;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.audit.AuditEntry;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.notification.Notification;
import dev.burnrate.portal.notification.NotificationRepository;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hostile plugin set uploaded to the running portal (the browser tests' portal): through
 * {@link PluginAdminService} and through the Admin > Plugins page. Each is refused with a clear message and audited,
 * nothing of it stays installed, the portal keeps serving, and a hung check call reaches the administrators'
 * notification centre. The exit plugins really call System.exit / Runtime.halt: the scan must refuse them before
 * any class loads, or this test JVM ends.
 */
class HostilePluginUploadIT extends BrowserTestBase {
    @TempDir
    static Path dir;
    static HostilePlugins hostile;

    @Autowired
    PluginAdminService admin;
    @Autowired
    PluginCatalogService catalog;
    @Autowired
    PluginHost host;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationRepository notifications;

    @BeforeAll
    static void buildJars() throws Exception {
        hostile = HostilePlugins.compile(dir);
    }

    @Test
    void everyHostileUploadIsRefusedWithAClearMessageAndThePortalCarriesOn() throws Exception {
        Map<Path, String> expected = Map.of(
                hostile.jar("exitinit", dir), "hostile.exitinit.ExitInInit.init(PluginContext) calls java.lang.System.exit(int)",
                hostile.jar("exitlater", dir), "hostile.exitlater.ExitLater.offerings() calls java.lang.Runtime.halt(int)",
                hostile.jar("throwing", dir), "Throwing.offerings() failed: java.lang.IllegalStateException: price table corrupt",
                hostile.jar("stuck", dir), "Stuck.offerings() did not answer within",
                HostilePlugins.notAZip(dir), "not a readable jar/zip archive",
                hostile.wrongApiVersion(dir), "requires Burnrate API >=9.0.0 & <10.0.0 but this portal provides API");
        int pluginsBefore = host.plugins().size();
        Instant before = Instant.now();

        SystemRunner.runAsSystem(() -> expected.forEach((jar, message) -> assertThatThrownBy(
                () -> admin.install(jar.getFileName().toString(), Files.readAllBytes(jar)))
                .as(jar.getFileName().toString()).isInstanceOf(PluginUploadException.class)
                .hasMessageContaining(message)));

        assertThat(host.plugins()).hasSize(pluginsBefore);
        assertThat(host.plugins()).noneMatch(p -> p.id().startsWith("hostile"));
        assertThat(catalog.providers()).extracting(ProviderSummary::providerId).contains("aws", "gcp", "azure")
                .doesNotContain("stuck", "throwing");
        List<AuditEntry> refusals = SystemRunner.callAsSystem(() -> audit.find(AuditFilter.none(), 0, 50)).stream()
                .filter(e -> e.action().equals("plugin.install-refused") && e.occurredAt().isAfter(before.minusSeconds(1)))
                .toList();
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(expected.size());

        // The hung check call suspended the plugin for a moment: the administrators hear about it.
        awaitAdminNotification("Plugin hostile-stuck suspended", "did not answer within");
    }

    @Test
    void theAdminPageShowsWhichClassAndMethodWouldEndThePortal() throws Exception {
        Path exitInInit = hostile.jar("exitinit", Files.createDirectories(dir.resolve("browser")));
        loginAs("admin");
        open("admin/plugins");

        page.locator("#plugin-upload input[type=file]").setInputFiles(exitInInit);
        Locator result = page.locator("#upload-result");
        assertThat(result).containsText("Not installed");
        assertThat(result).containsText("hostile.exitinit.ExitInInit.init(PluginContext) calls java.lang.System.exit(int)"
                + ": a plugin must not end or replace the portal process");
        screenshot("plugins-exit-refused");
        assertThat(page.locator("span[data-plugin='hostile-exitinit']")).hasCount(0);
        assertThat(page.locator("span[data-plugin='provider-aws']")).hasText("STARTED");
    }

    private void awaitAdminNotification(String title, String body) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<Notification> recent = notifications.recent("admin", 50);
            if (recent.stream().anyMatch(n -> n.category().equals("plugin") && n.title().equals(title)
                    && n.body().contains(body))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no notification '" + title + "' for admin: " + notifications.recent("admin", 50));
    }
}
