package dev.burnrate.portal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The audit log's hash chain: each entry's hash covers its content and the previous entry's hash. Every field is
 * length-prefixed so that moving characters between fields changes the hash.
 */
public final class AuditHasher {

    /** The {@code prevHash} of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    public static String hash(String prevHash, Instant occurredAt, String actor, String action, String target,
                              String beforeJson, String afterJson) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {prevHash, occurredAt.toString(), actor, action, target, beforeJson, afterJson}) {
            String value = field == null ? "" : field;
            canonical.append(field == null ? -1 : value.length()).append(':').append(value).append('\n');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static String hashOf(AuditEntry entry) {
        return hash(entry.prevHash(), entry.occurredAt(), entry.actor(), entry.action(), entry.target(),
                entry.beforeJson(), entry.afterJson());
    }
}
