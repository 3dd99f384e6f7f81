package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static dev.burnrate.portal.db.Tables.PLUGIN_SECRETS;
import static dev.burnrate.portal.db.Tables.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.plugin.PluginAdminService;
import dev.burnrate.portal.plugin.PluginCatalogService;
import dev.burnrate.portal.plugin.PluginSettingsService;
import dev.burnrate.portal.settings.SettingsService;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.BrowserTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Plugin settings in the browser: an admin installs the Keyed Cloud sample, finds its declared settings as a form,
 * is told what is missing and what is wrong, saves an API key, and the plugin (restarted) offers an instance named
 * after the key's fingerprint: it received the key decrypted. The key appears nowhere else: not in the page, not in
 * the log, not in the audit trail or the database in clear, not in API answers. A secret a plugin once kept as a
 * plain setting is encrypted at the next save.
 */
@ExtendWith(OutputCaptureExtension.class)
class PluginSecretSettingsIT extends BrowserTestBase {
    private static final Path SAMPLE_JAR = Paths.get("target", "it-plugins",
            "burnrate-example-sample-secret-settings.jar");
    private static final String PLUGIN = "sample-secret-settings";

    @Autowired
    PluginHost host;
    @Autowired
    PluginAdminService admin;
    @Autowired
    PluginCatalogService catalog;
    @Autowired
    DSLContext dsl;
    @Autowired
    PluginSettingsService pluginSettings;
    @Autowired
    SettingsService settingsService;

    @BeforeEach
    @AfterEach
    void withoutTheSample() {
        if (host.plugin(PLUGIN).isPresent()) {
            SystemRunner.runAsSystem(() -> admin.uninstall(PLUGIN));
        }
        // settings outlive an uninstall on purpose (a reinstall keeps them); this test starts from none
        dsl.deleteFrom(PLUGIN_SECRETS).where(PLUGIN_SECRETS.PLUGIN_ID.eq(PLUGIN)).execute();
        dsl.deleteFrom(SETTINGS).where(SETTINGS.SETTING_KEY.startsWith("plugin." + PLUGIN + ".")).execute();
    }

    @Test
    void anAdminSetsTheApiKeyAndOnlyThePluginEverSeesIt(CapturedOutput output) throws Exception {
        String apiKey = "kc-live-" + UUID.randomUUID();
        String replacement = "kc-live-" + UUID.randomUUID();
        assertThat(SAMPLE_JAR).as("the build copies the sample plugin here").exists();
        loginAs("admin");
        open("admin/plugins");
        page.locator("#plugin-upload input[type=file]").setInputFiles(SAMPLE_JAR);
        assertThat(page.locator("#upload-result")).containsText("Installed " + PLUGIN);
        assertThat(keyedCloud().offerings()).as("no key, no offerings").isEmpty();

        assertThat(page.locator("#settings-" + PLUGIN)).hasText("Settings: API key not set");
        assertThat(page.locator("#settings-provider-aws")).hasText("Settings");
        page.locator("#settings-" + PLUGIN).click();
        waitForVaadin();
        assertThat(page.locator("#settings-missing")).hasText("Required settings not set: API key");
        assertThat(page.locator("#setting-endpoint input")).hasValue("https://api.keyed-cloud.example/v1");
        assertThat(page.locator("#setting-api-key")).hasAttribute("data-state", "not-set");

        // a wrong value: nothing is saved, and the message names the setting but never echoes the secret
        page.locator("#setting-api-key input").fill(apiKey);
        page.locator("#setting-max-instances input").fill("many");
        page.locator("#save-settings").click();
        Locator result = page.locator("#settings-result");
        assertThat(result).containsText("Not saved");
        assertThat(result).containsText("Instances per request must be a whole number, not 'many'");
        assertThat(dsl.fetchCount(PLUGIN_SECRETS, PLUGIN_SECRETS.PLUGIN_ID.eq(PLUGIN))).isZero();

        page.locator("#setting-max-instances input").fill("8");
        page.locator("#save-settings").click();
        assertThat(result).containsText("Saved");
        assertThat(page.locator("#settings-missing")).hasCount(0);
        assertThat(page.locator("#setting-api-key")).hasAttribute("data-state", "set");
        assertThat(page.locator("#setting-api-key input")).hasValue("");
        screenshot("plugin-settings-secret-set");
        assertThat(page.content()).doesNotContain(apiKey);

        open("admin/plugins");
        assertThat(page.locator("#settings-" + PLUGIN)).hasText("Settings");
        // the plugin got it decrypted: its offering carries the key's fingerprint
        String offering = "keyed-" + fingerprint(apiKey);
        assertThat(keyedCloud().offerings()).extracting(o -> o.instanceType()).containsExactly(offering);
        open("catalog");
        page.locator("#filter-provider input").fill("Keyed Cloud");
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Keyed Cloud")).first().click();
        waitForVaadin();
        assertThat(page.locator("#catalog-grid").locator("vaadin-grid-cell-content",
                new Locator.LocatorOptions().setHasText(offering)).first()).isVisible();

        // replacing it: the form says "set", the audit trail says "replaced", the plugin sees the new one
        open("admin/plugins/settings/" + PLUGIN);
        page.locator("#setting-api-key input").fill(replacement);
        page.locator("#save-settings").click();
        assertThat(page.locator("#settings-result")).containsText("Saved");
        assertThat(keyedCloud().offerings()).extracting(o -> o.instanceType())
                .containsExactly("keyed-" + fingerprint(replacement));
        assertThat(page.content()).doesNotContain(apiKey).doesNotContain(replacement);

        var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.TARGET.eq("plugin:" + PLUGIN))
                .orderBy(AUDIT_LOG.ID).fetch();
        assertThat(audit).extracting(r -> r.getAction()).contains("plugin.secret.set", "plugin.secret.replace");
        assertThat(audit).anySatisfy(r -> assertThat(r.getAfterJson()).contains("secret api-key replaced"));
        assertThat(dsl.selectFrom(AUDIT_LOG).fetch().formatCSV()).doesNotContain(apiKey).doesNotContain(replacement);
        assertThat(dsl.selectFrom(SETTINGS).fetch().formatCSV()).doesNotContain(apiKey).doesNotContain(replacement)
                .contains("plugin." + PLUGIN + ".max-instances");
        assertThat(dsl.selectFrom(PLUGIN_SECRETS).fetch().formatCSV()).doesNotContain(apiKey)
                .doesNotContain(replacement).contains(PLUGIN);

        ApiClient api = new ApiClient(applicationContext, port);
        String token = api.tokenFor("admin");
        var offerings = api.get("/api/v1/catalog/offerings?provider=keyed-cloud", token);
        assertThat(offerings.status()).isEqualTo(200);
        assertThat(offerings.body()).contains("keyed-" + fingerprint(replacement)).doesNotContain(replacement);
        assertThat(api.get("/api/v1/catalog/providers", token).body()).doesNotContain(replacement);

        // the log saw the restarts and the plugin's own line (with the fingerprint), never the key
        assertThat(output.getAll()).contains("Plugin " + PLUGIN + " restarted after its settings changed")
                .doesNotContain(apiKey).doesNotContain(replacement);
    }

    @Test
    void aSecretStoredInClearTextBeforeItWasDeclaredSecretIsEncryptedAtTheNextSave() throws Exception {
        String legacy = "kc-legacy-" + UUID.randomUUID();
        SystemRunner.runAsSystem(() -> {
            try {
                admin.install(SAMPLE_JAR.getFileName().toString(), java.nio.file.Files.readAllBytes(SAMPLE_JAR));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            // as a plugin version without declarations had it: a plain portal setting
            settingsService.put("plugin." + PLUGIN + ".api-key", legacy);
        });
        var form = SystemRunner.callAsSystem(() -> pluginSettings.form(PLUGIN));
        assertThat(form.secretsInClear()).containsExactly("API key");
        assertThat(form.missingRequired()).isEmpty();
        assertThat(form.fields()).allSatisfy(f -> assertThat(f.value()).isNotEqualTo(legacy));

        var saved = SystemRunner.callAsSystem(() -> {
            try {
                return pluginSettings.save(PLUGIN, java.util.Map.of());
            } catch (dev.burnrate.portal.plugin.PluginSettingsException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(saved.secretsInClear()).isEmpty();
        assertThat(dsl.fetchCount(SETTINGS, SETTINGS.SETTING_KEY.eq("plugin." + PLUGIN + ".api-key"))).isZero();
        assertThat(dsl.selectFrom(PLUGIN_SECRETS).where(PLUGIN_SECRETS.PLUGIN_ID.eq(PLUGIN)).fetch().formatCSV())
                .contains("api-key").doesNotContain(legacy);
        assertThat(keyedCloud().offerings()).extracting(o -> o.instanceType())
                .containsExactly("keyed-" + fingerprint(legacy));
        var moved = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("plugin.secret.encrypt"),
                AUDIT_LOG.TARGET.eq("plugin:" + PLUGIN)).fetch();
        assertThat(moved).singleElement().satisfies(r -> assertThat(r.getAfterJson())
                .contains("moved from clear text to encrypted storage").doesNotContain(legacy));

        SystemRunner.callAsSystem(() -> pluginSettings.removeSecret(PLUGIN, "api-key"));
        assertThat(dsl.fetchCount(PLUGIN_SECRETS, PLUGIN_SECRETS.PLUGIN_ID.eq(PLUGIN))).isZero();
        assertThat(keyedCloud().offerings()).as("restarted without its key").isEmpty();
    }

    private CloudProvider keyedCloud() {
        return catalog.provider("keyed-cloud").orElseThrow();
    }

    private static String fingerprint(String key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 4);
    }
}
