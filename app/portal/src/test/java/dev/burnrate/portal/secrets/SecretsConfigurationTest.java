package dev.burnrate.portal.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.base.BurnrateProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void aKeyFileHoldsTheCurrentKeyFirstAndOldKeysAfterIt() throws Exception {
        String current = newKey();
        String old = newKey();
        Path file = Files.writeString(dir.resolve("secrets.key"), "# rotated 2026-12\n" + current + "\n\n" + old + "\n");
        SecretKeyRing ring = SecretsConfiguration.ring(new SecretsProperties(null, file, List.of()), portal(false));
        assertThat(ring.current().orElseThrow().id()).isEqualTo(SecretKeyRing.of(current, List.of(), "x")
                .current().orElseThrow().id());
        assertThat(ring.find(SecretKeyRing.of(old, List.of(), "x").current().orElseThrow().id())).isPresent();
    }

    @Test
    void theEnvironmentKeyWinsOverTheFileAndOldKeysAreAddedToIt() {
        String current = newKey();
        String old = newKey();
        SecretKeyRing ring = SecretsConfiguration.ring(new SecretsProperties(current, dir.resolve("absent"),
                List.of(old)), portal(false));
        assertThat(ring.ids()).hasSize(2);
    }

    @Test
    void productionWithoutAKeyHasNoneAndDemoModeMakesOneItKeeps() throws Exception {
        assertThat(SecretsConfiguration.ring(new SecretsProperties(null, null, null), portal(false)).current())
                .isEmpty();
        assertThat(dir.resolve(SecretsConfiguration.DEMO_KEY_FILE)).doesNotExist();

        SecretKeyRing first = SecretsConfiguration.ring(new SecretsProperties(null, null, null), portal(true));
        SecretKeyRing again = SecretsConfiguration.ring(new SecretsProperties(null, null, null), portal(true));
        assertThat(first.current()).isPresent();
        assertThat(again.ids()).isEqualTo(first.ids());
    }

    @Test
    void oldKeysWithoutACurrentKeyOrAnEmptyKeyFileAreRefused() throws Exception {
        assertThatThrownBy(() -> SecretsConfiguration.ring(new SecretsProperties(null, null, List.of(newKey())),
                portal(false))).hasMessageContaining("no current key");
        Path empty = Files.writeString(dir.resolve("empty.key"), "# nothing\n");
        assertThatThrownBy(() -> SecretsConfiguration.ring(new SecretsProperties(null, empty, List.of()),
                portal(false))).hasMessageContaining("holds no key");
    }

    private BurnrateProperties portal(boolean demo) {
        return new BurnrateProperties(dir, dir.resolve("plugins"), demo, null);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
