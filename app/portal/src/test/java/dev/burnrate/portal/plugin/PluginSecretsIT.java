package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static dev.burnrate.portal.db.Tables.PLUGIN_SECRETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.secrets.EncryptedSecret;
import dev.burnrate.portal.secrets.SecretCipher;
import dev.burnrate.portal.secrets.SecretKeyRing;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.settings.SettingsService;
import dev.burnrate.portal.support.BrowserTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Secrets in the running portal's database: a key rotation re-encrypts stored secrets (read with the old key,
 * written with the new one, audited), a portal without the key a secret needs starts and says so instead of
 * failing, plugin settings are for admins only, keys a plugin does not declare are refused, and a plugin whose
 * settings() throws breaks neither the plugins page nor its own settings page.
 */
@ExtendWith(OutputCaptureExtension.class)
class PluginSecretsIT extends BrowserTestBase {
    private static final String PLUGIN = "secrets-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    PluginSettingsService service;
    @Autowired
    PluginSecretRepository secrets;
    @Autowired
    SecretCipher portalCipher;
    @Autowired
    PluginHost host;
    @Autowired
    SettingsService settings;
    @Autowired
    AuditService audit;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PluginCatalogService catalog;
    @Autowired
    BurnrateProperties properties;
    @Autowired
    DSLContext dsl;
    @Autowired
    PluginAdminService admin;

    @AfterEach
    void removeTestSecrets() {
        dsl.deleteFrom(PLUGIN_SECRETS).where(PLUGIN_SECRETS.PLUGIN_ID.eq(PLUGIN)).execute();
    }

    @Test
    void aKeyRotationReencryptsStoredSecretsWithTheNewKey() throws Exception {
        String portalKey = portalKey();
        String newKey = newKey();
        EncryptedSecret before = storeSecret("token", "tok-" + UUID.randomUUID());
        String plain = portalCipher.decrypt(before, PluginSettingReader.secretContext(PLUGIN, "token"));

        SecretCipher rotated = new SecretCipher(SecretKeyRing.of(newKey, List.of(portalKey), "test"), new SecureRandom());
        try {
            int count = SystemRunner.callAsSystem(() -> serviceWith(rotated).reencryptSecrets());
            assertThat(count).isPositive();
            EncryptedSecret after = secrets.find(PLUGIN, "token").orElseThrow();
            assertThat(after.keyId()).isEqualTo(rotated.ring().current().orElseThrow().id())
                    .isNotEqualTo(before.keyId());
            // the new key alone now reads it, through the same reader plugins use
            SecretCipher onlyNew = new SecretCipher(SecretKeyRing.of(newKey, List.of(), "test"), new SecureRandom());
            assertThat(new PluginSettingReader(settings, secrets, onlyNew).read(PLUGIN, "token")).hasValue(plain);
            assertThat(dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("plugin.secrets.reencrypt")).fetch())
                    .isNotEmpty().allSatisfy(r -> assertThat(r.getAfterJson()).doesNotContain(plain));
            assertThat(SystemRunner.callAsSystem(() -> serviceWith(rotated).reencryptSecrets())).isZero();
        } finally {
            // put back every secret of the shared portal under its own key
            SecretCipher back = new SecretCipher(SecretKeyRing.of(portalKey, List.of(newKey), "test"),
                    new SecureRandom());
            SystemRunner.callAsSystem(() -> serviceWith(back).reencryptSecrets());
        }
        assertThat(new PluginSettingReader(settings, secrets, portalCipher).read(PLUGIN, "token")).hasValue(plain);
    }

    @Test
    void withoutTheKeyThePortalStartsSaysWhatToSetAndPluginsSeeTheSecretAsNotSet(CapturedOutput output)
            throws Exception {
        String plain = "tok-" + UUID.randomUUID();
        storeSecret("token", plain);
        SecretCipher none = new SecretCipher(SecretKeyRing.empty(), new SecureRandom());
        SecretCipher otherKey = new SecretCipher(SecretKeyRing.of(newKey(), List.of(), "test"), new SecureRandom());

        new PluginSecretsStartup(serviceWith(none), secrets, none).run(null);
        assertThat(output.getAll()).contains("stored secret setting(s) cannot be read")
                .contains("BURNRATE_SECRETS_KEY");
        new PluginSecretsStartup(serviceWith(otherKey), secrets, otherKey).run(null);
        assertThat(output.getAll()).contains("that are not configured").contains("BURNRATE_SECRETS_OLD_KEYS");

        assertThat(new PluginSettingReader(settings, secrets, none).read(PLUGIN, "token")).isEmpty();
        assertThat(new PluginSettingReader(settings, secrets, otherKey).read(PLUGIN, "token")).isEmpty();
        assertThat(output.getAll()).contains("secret setting 'token' cannot be read").doesNotContain(plain);
        // untouched: the right key still reads it
        assertThat(new PluginSettingReader(settings, secrets, portalCipher).read(PLUGIN, "token")).hasValue(plain);
    }

    @Test
    void onlyAdminsSeeOrChangePluginSettingsAndUndeclaredKeysAreRefused() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("engineer", null,
                List.of(new SimpleGrantedAuthority("ROLE_ENGINEER"))));
        SecurityContextHolder.setContext(context);
        try {
            assertThatThrownBy(() -> service.form("provider-aws")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.save("provider-aws", Map.of()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.reencryptSecrets()).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        SystemRunner.runAsSystem(() -> {
            assertThat(service.form("provider-aws").fields()).isEmpty();
            assertThatThrownBy(() -> service.save("provider-aws", Map.of("api-key", "x")))
                    .isInstanceOf(PluginSettingsException.class)
                    .hasMessageContaining("api-key: the plugin declares no such setting");
            assertThatThrownBy(() -> service.form("no-such-plugin")).hasMessageContaining("'no-such-plugin'");
        });
    }

    @Test
    void aPluginWhoseSettingsCallFailsLeavesThePluginsPageWorkingAndItsSettingsPageSaysWhy(@TempDir Path dir)
            throws Exception {
        Path jar = HostilePlugins.compile(dir).jar("badsettings", dir);
        SystemRunner.runAsSystem(() -> {
            try {
                admin.install(jar.getFileName().toString(), Files.readAllBytes(jar));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            try {
                assertThat(admin.missingSettings("hostile-badsettings")).isEmpty();
                assertThat(service.form("hostile-badsettings").unavailable())
                        .contains("settings() call failed").contains("settings table corrupt");
                assertThatThrownBy(() -> service.save("hostile-badsettings", Map.of("x", "y")))
                        .isInstanceOf(PluginSettingsException.class).hasMessageContaining("settings() call failed");
            } finally {
                admin.uninstall("hostile-badsettings");
            }
        });
    }

    private EncryptedSecret storeSecret(String key, String plain) {
        EncryptedSecret secret = portalCipher.encrypt(plain, PluginSettingReader.secretContext(PLUGIN, key));
        secrets.put(PLUGIN, key, secret, clock.instant(), "test");
        return secret;
    }

    private PluginSettingsService serviceWith(SecretCipher cipher) {
        return new PluginSettingsService(host, settings, secrets, cipher, audit, currentUser, clock, transactions,
                catalog);
    }

    /** The demo portal's own key, from the key file demo mode made. */
    private String portalKey() throws Exception {
        return Files.readAllLines(properties.dataDir().resolve("demo-secrets.key")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
