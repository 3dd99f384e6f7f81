package dev.burnrate.portal.plugin;

import dev.burnrate.api.PluginSetting;
import java.util.List;

/**
 * What the settings page of one plugin shows: its declared settings with their current values (a secret only says
 * whether it is set), the required ones that are missing, and why the form cannot be used, if it cannot.
 *
 * @param unavailable    why the plugin's declarations cannot be read (it is not started), else {@code null}
 * @param secretsWarning why secrets cannot be stored or read (no key, a key gone), else {@code null}
 * @param secretsInClear labels of secrets still stored in clear text as plain settings (from before the plugin
 *                       declared them secret); the next save encrypts them
 */
public record PluginSettingsForm(String pluginId, List<Field> fields, List<String> missingRequired,
                                 String unavailable, String secretsWarning, List<String> secretsInClear) {

    public PluginSettingsForm {
        fields = List.copyOf(fields);
        missingRequired = List.copyOf(missingRequired);
        secretsInClear = List.copyOf(secretsInClear);
    }

    /**
     * One declared setting.
     *
     * @param value     the stored value of a plain setting, or {@code null}; always {@code null} for a secret
     * @param secretSet for a secret: whether one is stored (encrypted, or still in clear text)
     */
    public record Field(PluginSetting setting, String value, boolean secretSet) {
        public boolean isSet() {
            return setting.secret() ? secretSet : value != null;
        }
    }
}
