package dev.burnrate.portal.secrets;

/**
 * A secret cannot be encrypted or read: no key is configured, the key it was encrypted with is gone, or it was
 * tampered with. The message says what to do; it never contains a secret or a key.
 */
public class SecretsUnavailableException extends RuntimeException {

    public SecretsUnavailableException(String message) {
        super(message);
    }
}
