package dev.burnrate.portal.plugin;

import dev.burnrate.portal.secrets.SecretCipher;
import java.util.List;
import java.util.TreeSet;

/** What an administrator must know about the secrets key: it is missing, or stored secrets need a key that is gone. */
final class SecretsHealth {
    static final String NO_KEY = SecretCipher.NO_KEY;

    private SecretsHealth() {
    }

    /** @return the warning for the admin page and the start-up log, or {@code null} when all is well */
    static String warning(SecretCipher cipher, List<PluginSecretRepository.Stored> stored) {
        if (!cipher.canEncrypt()) {
            return stored.isEmpty() ? "Secret settings cannot be stored: " + NO_KEY
                    : stored.size() + " stored secret setting(s) cannot be read, so plugins see them as not set: "
                    + NO_KEY + ". Use the key they were stored with.";
        }
        var unreadable = stored.stream().filter(s -> cipher.ring().find(s.secret().keyId()).isEmpty()).toList();
        if (unreadable.isEmpty()) {
            return null;
        }
        var keyIds = new TreeSet<String>();
        unreadable.forEach(s -> keyIds.add(s.secret().keyId()));
        return unreadable.size() + " stored secret setting(s) were encrypted with key(s) " + String.join(", ", keyIds)
                + " that are not configured, so plugins see them as not set: list the old key in "
                + "BURNRATE_SECRETS_OLD_KEYS (or the key file), or set those secrets again";
    }
}
