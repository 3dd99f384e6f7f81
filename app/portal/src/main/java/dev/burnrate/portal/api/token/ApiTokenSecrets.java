package dev.burnrate.portal.api.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: {@code brt_} and 32 random bytes (url-safe base64, 43 characters), so secret scanners can find
 * leaked ones by their prefix. Only the SHA-256 is stored: a token has 256 bits of entropy, so a fast hash is enough
 * (no salt or slow hash needed, unlike passwords) and lookup by hash stays one indexed query.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "brt_";
    static final int DISPLAY_PREFIX_LENGTH = 12;
    private static final int SECRET_LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a token at all (checked before any database lookup). */
    static boolean looksLikeToken(String secret) {
        return secret != null && secret.length() == SECRET_LENGTH && secret.startsWith(PREFIX)
                && secret.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c)
                        || c == '-' || c == '_');
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_PREFIX_LENGTH);
    }
}
