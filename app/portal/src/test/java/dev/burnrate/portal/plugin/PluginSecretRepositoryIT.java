package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.secrets.EncryptedSecret;
import dev.burnrate.portal.secrets.SecretCipher;
import dev.burnrate.portal.secrets.SecretKeyRing;
import dev.burnrate.portal.support.TestDatabase;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encrypted plugin secrets in {@code plugin_secrets} (V091), on H2 and on PostgreSQL. */
class PluginSecretRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void storesReplacesAndDeletesEncryptedSecretsPerPluginAndSetting(TestDatabase db) {
        PluginSecretRepository secrets = new PluginSecretRepository(db.dsl());
        SecretCipher cipher = cipher();
        EncryptedSecret first = cipher.encrypt("sk-1", "ctx");
        EncryptedSecret second = cipher.encrypt("sk-2", "ctx");

        secrets.put("keyed", "api-key", first, NOW, "admin");
        secrets.put("keyed", "token", first, NOW, "admin");
        secrets.put("other", "api-key", second, NOW, "admin");
        assertThat(secrets.find("keyed", "api-key")).hasValue(first);
        assertThat(secrets.find("keyed", "nothing")).isEmpty();

        secrets.put("keyed", "api-key", second, NOW.plusSeconds(60), "admin"); // upsert
        assertThat(secrets.find("keyed", "api-key")).hasValue(second);
        assertThat(secrets.all()).extracting(s -> s.pluginId() + "/" + s.settingKey())
                .containsExactly("keyed/api-key", "keyed/token", "other/api-key");

        assertThat(secrets.delete("keyed", "token")).isTrue();
        assertThat(secrets.delete("keyed", "token")).isFalse();
        assertThat(secrets.find("other", "api-key")).hasValue(second);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aReencryptionDoesNotOverwriteAValueChangedSinceItWasRead(TestDatabase db) {
        PluginSecretRepository secrets = new PluginSecretRepository(db.dsl());
        SecretCipher cipher = cipher();
        secrets.put("keyed", "api-key", cipher.encrypt("old", "ctx"), NOW, "admin");
        PluginSecretRepository.Stored read = secrets.all().get(0);

        secrets.put("keyed", "api-key", cipher.encrypt("new", "ctx"), NOW, "admin"); // an admin saves meanwhile
        assertThat(secrets.replace(read, cipher.encrypt("old", "ctx"))).isFalse();
        assertThat(cipher.decrypt(secrets.find("keyed", "api-key").orElseThrow(), "ctx")).isEqualTo("new");

        PluginSecretRepository.Stored fresh = secrets.all().get(0);
        assertThat(secrets.replace(fresh, cipher.encrypt("new", "ctx"))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theClearCopyOfASecretIsDeletedAndNothingElse(TestDatabase db) {
        PluginSecretRepository secrets = new PluginSecretRepository(db.dsl());
        for (String key : List.of("plugin.keyed.api-key", "plugin.keyed.endpoint", "plugin.keyed2.api-key")) {
            db.dsl().insertInto(SETTINGS).set(SETTINGS.SETTING_KEY, key).set(SETTINGS.SETTING_VALUE, "v")
                    .set(SETTINGS.UPDATED_AT, NOW.atOffset(ZoneOffset.UTC)).set(SETTINGS.UPDATED_BY, "admin")
                    .execute();
        }
        secrets.deleteClearCopy("keyed", "api-key");
        assertThat(db.dsl().select(SETTINGS.SETTING_KEY).from(SETTINGS)
                .where(SETTINGS.SETTING_KEY.startsWith("plugin.keyed")).orderBy(SETTINGS.SETTING_KEY)
                .fetch(SETTINGS.SETTING_KEY)).containsExactly("plugin.keyed.endpoint", "plugin.keyed2.api-key");
    }

    private static SecretCipher cipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretCipher(SecretKeyRing.of(Base64.getEncoder().encodeToString(key), List.of(), "test"),
                new SecureRandom());
    }
}
