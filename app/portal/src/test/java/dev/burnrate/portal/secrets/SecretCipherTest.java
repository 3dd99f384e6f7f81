package dev.burnrate.portal.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String CONTEXT = "plugin-secret:sample/api-key";
    private final String keyA = newKey();
    private final String keyB = newKey();

    @Test
    void aSecretRoundTripsAndIsNotStoredInClearText() {
        SecretCipher cipher = cipher(SecretKeyRing.of(keyA, List.of(), "test"));
        EncryptedSecret stored = cipher.encrypt("sk-live-123456", CONTEXT);

        assertThat(stored.keyId()).isEqualTo(cipher.ring().current().orElseThrow().id()).hasSize(16);
        assertThat(stored.ciphertext()).doesNotContain("sk-live");
        assertThat(new String(Base64.getDecoder().decode(stored.ciphertext()))).doesNotContain("sk-live");
        assertThat(stored.toString()).doesNotContain(stored.ciphertext());
        assertThat(cipher.decrypt(stored, CONTEXT)).isEqualTo("sk-live-123456");
        // a fresh nonce each time: equal secrets do not look equal at rest
        assertThat(cipher.encrypt("sk-live-123456", CONTEXT).ciphertext()).isNotEqualTo(stored.ciphertext());
    }

    @Test
    void aCiphertextMovedToAnotherSettingOrAlteredDoesNotDecrypt() {
        SecretCipher cipher = cipher(SecretKeyRing.of(keyA, List.of(), "test"));
        EncryptedSecret stored = cipher.encrypt("sk-live-123456", CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(stored, "plugin-secret:other/api-key"))
                .isInstanceOf(SecretsUnavailableException.class).hasMessageContaining("altered or belongs to another");
        byte[] raw = Base64.getDecoder().decode(stored.ciphertext());
        raw[raw.length - 1] ^= 1;
        EncryptedSecret altered = new EncryptedSecret(stored.keyId(), Base64.getEncoder().encodeToString(raw));
        assertThatThrownBy(() -> cipher.decrypt(altered, CONTEXT)).isInstanceOf(SecretsUnavailableException.class);
    }

    @Test
    void afterARotationOldValuesAreReadWithTheOldKeyAndReencryptedWithTheNewOne() {
        EncryptedSecret underA = cipher(SecretKeyRing.of(keyA, List.of(), "test")).encrypt("token-a", CONTEXT);

        SecretCipher rotated = cipher(SecretKeyRing.of(keyB, List.of(keyA), "test"));
        assertThat(rotated.needsReencryption(underA)).isTrue();
        assertThat(rotated.decrypt(underA, CONTEXT)).isEqualTo("token-a");
        EncryptedSecret underB = rotated.encrypt(rotated.decrypt(underA, CONTEXT), CONTEXT);
        assertThat(underB.keyId()).isNotEqualTo(underA.keyId());
        assertThat(rotated.needsReencryption(underB)).isFalse();

        // once re-encrypted, the old key can go
        SecretCipher onlyB = cipher(SecretKeyRing.of(keyB, List.of(), "test"));
        assertThat(onlyB.decrypt(underB, CONTEXT)).isEqualTo("token-a");
        assertThatThrownBy(() -> onlyB.decrypt(underA, CONTEXT)).isInstanceOf(SecretsUnavailableException.class)
                .hasMessageContaining("encrypted with key " + underA.keyId())
                .hasMessageContaining("burnrate.secrets.old-keys");
        assertThat(onlyB.needsReencryption(underA)).as("unknown key: cannot be re-encrypted").isFalse();
    }

    @Test
    void withoutAKeyNothingIsEncryptedAndTheMessageSaysWhatToSet() {
        SecretCipher none = cipher(SecretKeyRing.empty());
        assertThat(none.canEncrypt()).isFalse();
        assertThatThrownBy(() -> none.encrypt("x", CONTEXT)).isInstanceOf(SecretsUnavailableException.class)
                .hasMessageContaining("BURNRATE_SECRETS_KEY");
        EncryptedSecret stored = cipher(SecretKeyRing.of(keyA, List.of(), "test")).encrypt("x", CONTEXT);
        assertThatThrownBy(() -> none.decrypt(stored, CONTEXT)).hasMessageContaining("BURNRATE_SECRETS_KEY");
    }

    @Test
    void badKeysAreRefusedWithoutRepeatingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretKeyRing.of(shortKey, List.of(), "BURNRATE_SECRETS_KEY"))
                .hasMessageContaining("BURNRATE_SECRETS_KEY must be 32 random bytes in Base64, not 16 bytes")
                .message().doesNotContain(shortKey);
        assertThatThrownBy(() -> SecretKeyRing.of("not base64!!", List.of(), "BURNRATE_SECRETS_KEY"))
                .hasMessageContaining("is not Base64").message().doesNotContain("not base64!!");
        assertThatThrownBy(() -> SecretKeyRing.of(keyA, List.of("zz"), "the key file"))
                .hasMessageContaining("the key file (old key 1)");
        assertThatThrownBy(() -> SecretKeyRing.of(null, List.of(keyA), "x"))
                .hasMessageContaining("no current key");
    }

    @Test
    void keyIdsAreStableAndTheCurrentKeyComesFirst() {
        SecretKeyRing ring = SecretKeyRing.of(keyB, List.of(keyA, keyB), "test");
        assertThat(ring.ids()).hasSize(2);
        assertThat(ring.ids().get(0)).isEqualTo(SecretKeyRing.of(keyB, List.of(), "again").current().orElseThrow().id());
        assertThat(ring.current().orElseThrow().toString()).doesNotContain(keyB);
    }

    private static SecretCipher cipher(SecretKeyRing ring) {
        return new SecretCipher(ring, new SecureRandom());
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
