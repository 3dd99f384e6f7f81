package dev.burnrate.portal.secrets;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key for secrets at rest comes from ({@code burnrate.secrets.*}; environment: {@code
 * BURNRATE_SECRETS_KEY}, {@code BURNRATE_SECRETS_KEY_FILE}, {@code BURNRATE_SECRETS_OLD_KEYS}).
 *
 * @param key     the current key: 32 random bytes in Base64
 * @param keyFile a file holding the current key on its first line and old keys on the following lines (lines
 *                starting with {@code #} are ignored); used when {@code key} is not set
 * @param oldKeys keys from before a rotation, still accepted for reading
 */
@ConfigurationProperties("burnrate.secrets")
public record SecretsProperties(String key, Path keyFile, List<String> oldKeys) {

    public SecretsProperties {
        oldKeys = oldKeys == null ? List.of() : List.copyOf(oldKeys);
    }
}
