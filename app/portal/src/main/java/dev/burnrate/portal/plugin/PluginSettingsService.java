package dev.burnrate.portal.plugin;

import dev.burnrate.api.BurnrateExtension;
import dev.burnrate.api.PluginSetting;
import dev.burnrate.engine.plugin.HostPluginState;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.secrets.SecretCipher;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A plugin's declared settings ({@link BurnrateExtension#settings()}) on its settings page: read them with their
 * values, save them checked by type. Plain values are portal settings {@code plugin.<id>.<key>} (audited with their
 * values); secrets are encrypted into {@code plugin_secrets} and audited as "secret X replaced", never with a value.
 * A save is whole or nothing, and restarts a started plugin so that its {@code init} sees the new values.
 */
@Service
public class PluginSettingsService {
    private static final Logger log = LoggerFactory.getLogger(PluginSettingsService.class);

    private final PluginHost host;
    private final SettingsService settings;
    private final PluginSecretRepository secrets;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final PluginCatalogService catalog;
    private final PluginSecretVault vault;

    public PluginSettingsService(PluginHost host, SettingsService settings, PluginSecretRepository secrets,
                                 SecretCipher cipher, AuditService audit, CurrentUser currentUser, Clock clock,
                                 PlatformTransactionManager transactions, PluginCatalogService catalog) {
        this.host = host;
        this.catalog = catalog;
        this.settings = settings;
        this.secrets = secrets;
        this.cipher = cipher;
        this.tx = new TransactionTemplate(transactions);
        this.vault = new PluginSecretVault(settings, secrets, cipher, audit, currentUser, clock);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public PluginSettingsForm form(String pluginId) {
        var plugin = host.plugin(pluginId).orElseThrow(() -> new IllegalArgumentException(
                "No plugin with id '" + pluginId + "' is installed"));
        String warning = SecretsHealth.warning(cipher, secrets.all());
        if (plugin.state() != HostPluginState.STARTED) {
            return new PluginSettingsForm(pluginId, List.of(), List.of(), "The plugin is "
                    + plugin.state().name().toLowerCase() + ": enable it to see and change its settings (they are "
                    + "declared by its running code). Stored values are kept.", warning, List.of());
        }
        Map<String, PluginSetting> declared;
        try {
            declared = declared(pluginId);
        } catch (RuntimeException e) {
            return new PluginSettingsForm(pluginId, List.of(), List.of(), "The plugin's settings() call failed, so "
                    + "its settings cannot be shown: " + e.getMessage(), warning, List.of());
        }
        List<PluginSettingsForm.Field> fields = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> inClear = new ArrayList<>();
        for (PluginSetting setting : declared.values()) {
            String plain = settings.get(PluginSettingReader.settingKey(pluginId, setting.key())).orElse(null);
            PluginSettingsForm.Field field;
            if (setting.secret()) {
                boolean encrypted = secrets.find(pluginId, setting.key()).isPresent();
                if (plain != null && !encrypted) {
                    inClear.add(setting.label());
                }
                field = new PluginSettingsForm.Field(setting, null, encrypted || plain != null);
            } else {
                field = new PluginSettingsForm.Field(setting, plain, false);
            }
            fields.add(field);
            if (setting.required() && !field.isSet() && setting.defaultValue() == null) {
                missing.add(setting.label());
            }
        }
        return new PluginSettingsForm(pluginId, fields, missing, null, warning, inClear);
    }

    /** The labels of a started plugin's required settings that are not set (and have no default). */
    @RolesAllowed(Role.Names.ADMIN)
    public List<String> missingRequired(String pluginId) {
        // form() turns a broken settings() into a message, so the grid of all plugins still renders
        return host.plugin(pluginId).isPresent() ? form(pluginId).missingRequired() : List.of();
    }

    /**
     * Saves a plugin's settings. A plain setting given blank is removed; a secret given blank stays as it is (use
     * {@link #removeSecret}). Keys the plugin does not declare are refused.
     *
     * @param values setting key to the value typed in the form
     * @throws PluginSettingsException listing every problem; nothing is saved then
     */
    @RolesAllowed(Role.Names.ADMIN)
    public PluginSettingsForm save(String pluginId, Map<String, String> values) throws PluginSettingsException {
        PluginSettingsForm current = form(pluginId);
        if (current.unavailable() != null) {
            throw new PluginSettingsException(List.of(current.unavailable()));
        }
        Map<String, PluginSettingsForm.Field> fields = new LinkedHashMap<>();
        current.fields().forEach(f -> fields.put(f.setting().key(), f));
        List<String> problems = problems(current, fields, values);
        if (!problems.isEmpty()) {
            throw new PluginSettingsException(problems);
        }
        boolean changed = Boolean.TRUE.equals(tx.execute(s -> write(pluginId, fields, values)));
        if (changed) {
            restart(pluginId);
        }
        return form(pluginId);
    }

    /** Removes a stored secret (audited as such). */
    @RolesAllowed(Role.Names.ADMIN)
    public PluginSettingsForm removeSecret(String pluginId, String key) {
        PluginSetting declared = declared(pluginId).get(key);
        if (declared == null || !declared.secret()) {
            throw new IllegalArgumentException("Plugin " + pluginId + " declares no secret setting '" + key + "'");
        }
        boolean removed = Boolean.TRUE.equals(tx.execute(s -> vault.remove(pluginId, key)));
        if (removed) {
            restart(pluginId);
        }
        return form(pluginId);
    }

    /**
     * Re-encrypts every stored secret that an old key (burnrate.secrets.old-keys, or a key file's later lines)
     * encrypted, with the current key, so the old key can be dropped after the next start. Audited with the count.
     *
     * @return how many secrets were re-encrypted
     */
    @RolesAllowed(Role.Names.ADMIN)
    public int reencryptSecrets() {
        Integer done = tx.execute(s -> vault.reencryptAll());
        return done == null ? 0 : done;
    }

    /** The settings a started plugin's extensions declare, by key; the first declaration of a key wins. */
    private Map<String, PluginSetting> declared(String pluginId) {
        Map<String, PluginSetting> declared = new LinkedHashMap<>();
        for (PluginExtension<BurnrateExtension> ext : host.extensions(BurnrateExtension.class)) {
            if (ext.pluginId().equals(pluginId)) {
                List<PluginSetting> list = ext.extension().settings();
                (list == null ? List.<PluginSetting>of() : list).stream().filter(Objects::nonNull)
                        .forEach(s -> declared.putIfAbsent(s.key(), s));
            }
        }
        return declared;
    }

    private List<String> problems(PluginSettingsForm form, Map<String, PluginSettingsForm.Field> fields,
                                  Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        values.keySet().stream().filter(k -> !fields.containsKey(k))
                .forEach(k -> problems.add(k + ": the plugin declares no such setting"));
        if ((values.entrySet().stream().anyMatch(e -> isSecret(fields, e.getKey()) && !blank(e.getValue()))
                || !form.secretsInClear().isEmpty()) && !cipher.canEncrypt()) {
            problems.add("Secrets cannot be stored: " + SecretsHealth.NO_KEY);
        }
        for (PluginSettingsForm.Field field : fields.values()) {
            PluginSetting setting = field.setting();
            // a plain setting the form did not send keeps its stored value
            String value = values.containsKey(setting.key()) || setting.secret() ? values.get(setting.key())
                    : field.value();
            if (!blank(value)) {
                // a secret's check never quotes the value: SECRET accepts any non-blank text
                setting.check(value).ifPresent(p -> problems.add(setting.label() + " " + p));
            } else if (setting.required() && setting.defaultValue() == null
                    && (!setting.secret() || !field.secretSet())) {
                // a required setting with a default is never missing: the plugin applies its default
                problems.add(setting.label() + " is required");
            }
        }
        return problems;
    }

    private boolean write(String pluginId, Map<String, PluginSettingsForm.Field> fields, Map<String, String> values) {
        boolean changed = false;
        for (PluginSettingsForm.Field field : fields.values()) {
            String key = field.setting().key();
            if (!values.containsKey(key) && !field.setting().secret()) {
                continue;
            }
            String value = blank(values.get(key)) ? null : values.get(key).strip();
            if (field.setting().secret()) {
                changed |= vault.store(pluginId, field, value);
            } else if (!Objects.equals(value, field.value())) {
                settings.put(PluginSettingReader.settingKey(pluginId, key), value);
                changed = true;
            }
        }
        return changed;
    }

    private void restart(String pluginId) {
        if (host.plugin(pluginId).map(p -> p.state() == HostPluginState.STARTED).orElse(false)) {
            var after = host.enable(pluginId);
            log.info("Plugin {} restarted after its settings changed: {}", pluginId, after.state());
            catalog.warmInBackground(); // a provider's offerings may depend on its settings
        }
    }

    private static boolean isSecret(Map<String, PluginSettingsForm.Field> fields, String key) {
        return fields.containsKey(key) && fields.get(key).setting().secret();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
