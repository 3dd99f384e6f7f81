package dev.burnrate.portal.secrets;

import dev.burnrate.portal.base.BurnrateProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link SecretCipher} from {@link SecretsProperties}. A key that is set but malformed stops the portal
 * with a message naming the setting (a typo must not silently disable secrets); no key at all leaves secrets
 * unavailable, which the admin page and the start-up check report. Demo mode makes itself a key file in the data
 * folder so that a demo can store secrets; production never does.
 */
@Configuration
class SecretsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);
    static final String DEMO_KEY_FILE = "demo-secrets.key";

    @Bean
    SecretCipher secretCipher(SecretsProperties properties, BurnrateProperties portal) {
        return new SecretCipher(ring(properties, portal), new SecureRandom());
    }

    static SecretKeyRing ring(SecretsProperties properties, BurnrateProperties portal) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return SecretKeyRing.of(properties.key(), properties.oldKeys(), "BURNRATE_SECRETS_KEY");
        }
        Path file = properties.keyFile();
        if (file == null && portal.demo()) {
            file = demoKeyFile(portal.dataDir().resolve(DEMO_KEY_FILE));
        }
        if (file == null) {
            if (!properties.oldKeys().isEmpty()) {
                throw new IllegalArgumentException("burnrate.secrets.old-keys is set but no current key: set "
                        + "BURNRATE_SECRETS_KEY or burnrate.secrets.key-file");
            }
            return SecretKeyRing.empty();
        }
        List<String> lines = keyLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the secrets key file " + file + " holds no key");
        }
        List<String> old = new ArrayList<>(lines.subList(1, lines.size()));
        old.addAll(properties.oldKeys());
        return SecretKeyRing.of(lines.get(0), old, "the secrets key file " + file);
    }

    private static List<String> keyLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets key file " + file, e);
        }
    }

    private static Path demoKeyFile(Path file) {
        if (Files.exists(file)) {
            return file;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# demo mode only: made at first start\n"
                    + Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data folder's own permissions protect it
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo secrets key file " + file, e);
        }
        log.warn("Demo mode: made a secrets key in {}; production sets BURNRATE_SECRETS_KEY or a key file", file);
        return file;
    }
}
