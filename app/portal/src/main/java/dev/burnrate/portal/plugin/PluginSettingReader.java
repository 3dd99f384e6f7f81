package dev.burnrate.portal.plugin;

import dev.burnrate.portal.secrets.SecretCipher;
import dev.burnrate.portal.secrets.SecretsUnavailableException;
import dev.burnrate.portal.settings.SettingsService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a plugin's settings for its own {@link PortalPluginContext}, the one place a secret is decrypted. A secret
 * that cannot be decrypted (its key is gone) reads as not set, with a warning that names the setting, never its
 * value, so the plugin reports a missing setting instead of the portal failing.
 */
@Component
class PluginSettingReader {
    private static final Logger log = LoggerFactory.getLogger(PluginSettingReader.class);

    private final SettingsService settings;
    private final PluginSecretRepository secrets;
    private final SecretCipher cipher;

    PluginSettingReader(SettingsService settings, PluginSecretRepository secrets, SecretCipher cipher) {
        this.settings = settings;
        this.secrets = secrets;
        this.cipher = cipher;
    }

    /** The portal setting that holds a plain plugin setting. */
    static String settingKey(String pluginId, String key) {
        return "plugin." + pluginId + "." + key;
    }

    /** What binds a stored secret to its plugin and setting (AES-GCM associated data). */
    static String secretContext(String pluginId, String key) {
        return "plugin-secret:" + pluginId + "/" + key;
    }

    Optional<String> read(String pluginId, String key) {
        var secret = secrets.find(pluginId, key);
        if (secret.isEmpty()) {
            return settings.get(settingKey(pluginId, key));
        }
        try {
            return Optional.of(cipher.decrypt(secret.get(), secretContext(pluginId, key)));
        } catch (SecretsUnavailableException e) {
            log.warn("Plugin {}: secret setting '{}' cannot be read, so it reads as not set: {}", pluginId, key,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
