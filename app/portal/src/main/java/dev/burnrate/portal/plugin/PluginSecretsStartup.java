package dev.burnrate.portal.plugin;

import dev.burnrate.portal.secrets.SecretCipher;
import dev.burnrate.portal.security.SystemRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: says clearly in the log when stored secrets cannot be read (no key, or a key that is gone), and
 * otherwise re-encrypts secrets an old key encrypted with the current one (key rotation). It never stops the
 * portal: a plugin whose secret cannot be read sees it as not set, and the admin page shows the same warning.
 */
@Component
@Order(5) // before PluginStartup (6): plugins start with secrets under the current key
class PluginSecretsStartup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PluginSecretsStartup.class);

    private final PluginSettingsService service;
    private final PluginSecretRepository secrets;
    private final SecretCipher cipher;

    PluginSecretsStartup(PluginSettingsService service, PluginSecretRepository secrets, SecretCipher cipher) {
        this.service = service;
        this.secrets = secrets;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        var stored = secrets.all();
        if (!cipher.canEncrypt() && stored.isEmpty()) {
            log.info("Plugin secrets: no key is configured (BURNRATE_SECRETS_KEY or burnrate.secrets.key-file), so "
                    + "secret plugin settings cannot be stored");
            return;
        }
        String warning = SecretsHealth.warning(cipher, stored);
        if (warning != null) {
            log.error("Plugin secrets: {}", warning);
            if (!cipher.canEncrypt()) {
                return;
            }
        }
        log.info("Plugin secrets: {} stored, current key {}", stored.size(),
                cipher.ring().current().orElseThrow().id());
        int reencrypted = SystemRunner.callAsSystem(service::reencryptSecrets);
        if (reencrypted > 0) {
            log.info("Plugin secrets: re-encrypted {} secret(s) with the current key; the old keys can be removed",
                    reencrypted);
        }
    }
}
