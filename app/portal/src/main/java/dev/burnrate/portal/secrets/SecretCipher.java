package dev.burnrate.portal.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets with AES-256-GCM under the key ring's current key and decrypts them with whichever key of the
 * ring they name. Each value is bound to where it is stored (the {@code context}, e.g. plugin and setting), so a
 * ciphertext copied to another setting does not decrypt.
 */
public final class SecretCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    public static final String NO_KEY = "no secrets key is configured: set BURNRATE_SECRETS_KEY (32 random bytes in "
            + "Base64, e.g. from openssl rand -base64 32) or burnrate.secrets.key-file";

    private final SecretKeyRing ring;
    private final SecureRandom random;

    public SecretCipher(SecretKeyRing ring, SecureRandom random) {
        this.ring = ring;
        this.random = random;
    }

    public SecretKeyRing ring() {
        return ring;
    }

    /** Whether new secrets can be stored. */
    public boolean canEncrypt() {
        return ring.current().isPresent();
    }

    /** @throws SecretsUnavailableException when no key is configured */
    public EncryptedSecret encrypt(String plaintext, String context) {
        SecretKeyRing.Key key = ring.current().orElseThrow(() -> new SecretsUnavailableException(NO_KEY));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new EncryptedSecret(key.id(), Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** @throws SecretsUnavailableException when its key is not in the ring or the value was altered */
    public String decrypt(EncryptedSecret secret, String context) {
        SecretKeyRing.Key key = ring.find(secret.keyId()).orElseThrow(() -> new SecretsUnavailableException(
                ring.current().isEmpty() ? NO_KEY : "the secret was encrypted with key " + secret.keyId()
                        + ", which is not configured: list it in burnrate.secrets.old-keys (or the key file) "
                        + "or set the secret again"));
        try {
            byte[] stored = Base64.getDecoder().decode(secret.ciphertext());
            if (stored.length <= NONCE_BYTES) {
                throw new SecretsUnavailableException("the stored secret is damaged (too short)");
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretsUnavailableException("the stored secret does not decrypt with key " + secret.keyId()
                    + ": it was altered or belongs to another setting; set it again");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** Whether a value is encrypted with an old key (and can be re-encrypted with the current one). */
    public boolean needsReencryption(EncryptedSecret secret) {
        return ring.current().map(k -> !k.id().equals(secret.keyId())).orElse(false)
                && ring.find(secret.keyId()).isPresent();
    }
}
