package dev.burnrate.plugins.keyed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An API key as the plugin holds it: {@code toString} and {@link #fingerprint()} (the first 8 hex digits of its
 * SHA-256) are safe to log; only {@link #value()} is the key, for the request header to the cloud's API.
 */
record ApiKey(String value) {

    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ApiKey[" + fingerprint() + "]";
    }
}
