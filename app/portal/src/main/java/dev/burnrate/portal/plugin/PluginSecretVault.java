package dev.burnrate.portal.plugin;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.secrets.SecretCipher;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.settings.SettingsService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes plugin secrets for {@link PluginSettingsService}, inside its transactions and after its authorisation:
 * encrypts, stores, removes and re-encrypts them, and audits each change without a value ("secret X replaced").
 */
final class PluginSecretVault {
    private final SettingsService settings;
    private final PluginSecretRepository secrets;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    PluginSecretVault(SettingsService settings, PluginSecretRepository secrets, SecretCipher cipher,
                      AuditService audit, CurrentUser currentUser, Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.cipher = cipher;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Stores a typed secret encrypted; without one, encrypts a copy still in clear text among the plain settings
     * (from before the plugin declared it secret). Either way the clear copy goes, and no value is audited.
     */
    boolean store(String pluginId, PluginSettingsForm.Field field, String typed) {
        String key = field.setting().key();
        String clear = settings.get(PluginSettingReader.settingKey(pluginId, key)).orElse(null);
        String value = typed != null ? typed : clear;
        if (value == null) {
            return false;
        }
        secrets.put(pluginId, key, cipher.encrypt(value, PluginSettingReader.secretContext(pluginId, key)),
                clock.instant(), currentUser.actor());
        if (clear != null) {
            secrets.deleteClearCopy(pluginId, key);
        }
        if (typed == null) {
            audit.record("plugin.secret.encrypt", "plugin:" + pluginId, Map.of("setting", key, "secret", "clear text"),
                    Map.of("setting", key, "change", "secret " + key + " moved from clear text to encrypted storage"));
        } else {
            String change = "secret " + key + (field.secretSet() ? " replaced" : " set");
            audit.record(field.secretSet() ? "plugin.secret.replace" : "plugin.secret.set", "plugin:" + pluginId,
                    field.secretSet() ? Map.of("setting", key, "secret", "set") : null,
                    Map.of("setting", key, "change", change));
        }
        return true;
    }

    /** Removes a secret, encrypted or still in clear text; {@code false} when none was stored. */
    boolean remove(String pluginId, String key) {
        boolean gone = secrets.delete(pluginId, key);
        if (settings.get(PluginSettingReader.settingKey(pluginId, key)).isPresent()) {
            secrets.deleteClearCopy(pluginId, key);
            gone = true;
        }
        if (gone) {
            audit.record("plugin.secret.remove", "plugin:" + pluginId, Map.of("setting", key, "secret", "set"),
                    Map.of("setting", key, "change", "secret " + key + " removed"));
        }
        return gone;
    }

    /** Re-encrypts what old keys encrypted with the current key; returns how many. */
    int reencryptAll() {
        int count = 0;
        var fromKeys = new TreeSet<String>();
        for (PluginSecretRepository.Stored stored : secrets.all()) {
            if (cipher.needsReencryption(stored.secret())) {
                String context = PluginSettingReader.secretContext(stored.pluginId(), stored.settingKey());
                String plain = cipher.decrypt(stored.secret(), context);
                if (secrets.replace(stored, cipher.encrypt(plain, context))) {
                    fromKeys.add(stored.secret().keyId());
                    count++;
                }
            }
        }
        if (count > 0) {
            audit.record("plugin.secrets.reencrypt", "plugin-secrets", Map.of("keyIds", List.copyOf(fromKeys)),
                    Map.of("keyId", cipher.ring().current().orElseThrow().id(), "count", count));
        }
        return count;
    }
}
