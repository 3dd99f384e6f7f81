package dev.burnrate.portal.secrets;

import java.util.Objects;

/**
 * A secret as it is stored: the id of the key it was encrypted with and, in Base64, the random nonce followed by
 * the AES-GCM ciphertext and tag.
 */
public record EncryptedSecret(String keyId, String ciphertext) {

    public EncryptedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "EncryptedSecret[key " + keyId + "]";
    }
}
