package dev.burnrate.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.base.BurnrateProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSignerTest {

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        // Reference value computed independently (Python: hmac.new(b"secret", b'1700000000.{"a":1}', sha256)).
        assertThat(WebhookSigner.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        assertThat(WebhookSigner.sign("secret", 1, "body")).startsWith("sha256=").hasSize(7 + 64)
                .isNotEqualTo(WebhookSigner.sign("secret", 2, "body"))
                .isNotEqualTo(WebhookSigner.sign("other", 1, "body"))
                .isNotEqualTo(WebhookSigner.sign("secret", 1, "body!"));
    }

    @Test
    void secretsAreEncryptedAtRestAndTheKeyFileIsKept(@TempDir Path dir) throws Exception {
        WebhookSecrets secrets = new WebhookSecrets(new BurnrateProperties(dir, null, false, null));
        String sealed = secrets.encrypt("my-signing-secret");

        assertThat(sealed).doesNotContain("my-signing-secret");
        assertThat(secrets.encrypt("my-signing-secret")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(new WebhookSecrets(new BurnrateProperties(dir, null, false, null)).decrypt(sealed))
                .isEqualTo("my-signing-secret");
        assertThat(Files.exists(dir.resolve("webhook-secret.key"))).isTrue();

        Files.delete(dir.resolve("webhook-secret.key"));
        assertThatThrownBy(() -> new WebhookSecrets(new BurnrateProperties(dir, null, false, null)).decrypt(sealed))
                .hasMessageContaining("cannot decrypt");
    }
}
