package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.PLUGIN_SECRETS;
import static dev.burnrate.portal.db.Tables.SETTINGS;

import dev.burnrate.portal.secrets.EncryptedSecret;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Encrypted plugin secrets (table {@code plugin_secrets}); it never sees a secret in clear text. No authorisation
 * here: {@link PluginSettingsService} and the plugin's own context do that.
 */
@Repository
class PluginSecretRepository {

    /** One stored secret. */
    record Stored(String pluginId, String settingKey, EncryptedSecret secret) {
    }

    private final DSLContext dsl;

    PluginSecretRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<EncryptedSecret> find(String pluginId, String settingKey) {
        return dsl.select(PLUGIN_SECRETS.KEY_ID, PLUGIN_SECRETS.CIPHERTEXT).from(PLUGIN_SECRETS)
                .where(PLUGIN_SECRETS.PLUGIN_ID.eq(pluginId), PLUGIN_SECRETS.SETTING_KEY.eq(settingKey))
                .fetchOptional(r -> new EncryptedSecret(r.value1(), r.value2()));
    }

    void put(String pluginId, String settingKey, EncryptedSecret secret, Instant at, String by) {
        var when = at.atOffset(ZoneOffset.UTC);
        dsl.insertInto(PLUGIN_SECRETS)
                .set(PLUGIN_SECRETS.PLUGIN_ID, pluginId)
                .set(PLUGIN_SECRETS.SETTING_KEY, settingKey)
                .set(PLUGIN_SECRETS.KEY_ID, secret.keyId())
                .set(PLUGIN_SECRETS.CIPHERTEXT, secret.ciphertext())
                .set(PLUGIN_SECRETS.UPDATED_AT, when)
                .set(PLUGIN_SECRETS.UPDATED_BY, by)
                .onConflict(PLUGIN_SECRETS.PLUGIN_ID, PLUGIN_SECRETS.SETTING_KEY).doUpdate()
                .set(PLUGIN_SECRETS.KEY_ID, secret.keyId())
                .set(PLUGIN_SECRETS.CIPHERTEXT, secret.ciphertext())
                .set(PLUGIN_SECRETS.UPDATED_AT, when)
                .set(PLUGIN_SECRETS.UPDATED_BY, by)
                .execute();
    }

    /** Replaces a value only if it is still the one read (a re-encryption must not undo a concurrent change). */
    boolean replace(Stored old, EncryptedSecret secret) {
        return dsl.update(PLUGIN_SECRETS)
                .set(PLUGIN_SECRETS.KEY_ID, secret.keyId())
                .set(PLUGIN_SECRETS.CIPHERTEXT, secret.ciphertext())
                .where(PLUGIN_SECRETS.PLUGIN_ID.eq(old.pluginId()), PLUGIN_SECRETS.SETTING_KEY.eq(old.settingKey()),
                        PLUGIN_SECRETS.CIPHERTEXT.eq(old.secret().ciphertext()))
                .execute() == 1;
    }

    boolean delete(String pluginId, String settingKey) {
        return dsl.deleteFrom(PLUGIN_SECRETS)
                .where(PLUGIN_SECRETS.PLUGIN_ID.eq(pluginId), PLUGIN_SECRETS.SETTING_KEY.eq(settingKey))
                .execute() == 1;
    }

    /**
     * Deletes the clear-text copy of a secret among the portal settings, without auditing its value (the settings
     * service would): the caller audits that it moved.
     */
    void deleteClearCopy(String pluginId, String settingKey) {
        dsl.deleteFrom(SETTINGS).where(SETTINGS.SETTING_KEY.eq(PluginSettingReader.settingKey(pluginId, settingKey)))
                .execute();
    }

    List<Stored> all() {
        return dsl.select(PLUGIN_SECRETS.PLUGIN_ID, PLUGIN_SECRETS.SETTING_KEY, PLUGIN_SECRETS.KEY_ID,
                        PLUGIN_SECRETS.CIPHERTEXT).from(PLUGIN_SECRETS)
                .orderBy(PLUGIN_SECRETS.PLUGIN_ID, PLUGIN_SECRETS.SETTING_KEY)
                .fetch(r -> new Stored(r.value1(), r.value2(), new EncryptedSecret(r.value3(), r.value4())));
    }
}
