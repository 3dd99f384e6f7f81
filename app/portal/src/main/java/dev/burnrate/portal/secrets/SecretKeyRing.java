package dev.burnrate.portal.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys secrets are encrypted with: one current key (new values are encrypted with it) and the old keys a
 * rotation left behind (values encrypted with them can still be read, and are re-encrypted with the current key).
 * A key is 32 random bytes in Base64; its id is the start of its SHA-256, so an operator never names keys and a
 * stored value says which key it needs without revealing anything about the key.
 */
public final class SecretKeyRing {
    private static final int KEY_BYTES = 32;

    private final Key current;
    private final Map<String, Key> byId;

    /** One key of the ring. {@code toString} shows the id only. */
    public record Key(String id, SecretKey key) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private SecretKeyRing(Key current, List<Key> old) {
        this.current = current;
        this.byId = new LinkedHashMap<>();
        if (current != null) {
            byId.put(current.id(), current);
        }
        old.forEach(k -> byId.putIfAbsent(k.id(), k));
    }

    /** A ring without keys: nothing can be encrypted or decrypted (secrets are unavailable). */
    public static SecretKeyRing empty() {
        return new SecretKeyRing(null, List.of());
    }

    /**
     * A ring from Base64 keys.
     *
     * @param current  the key new values are encrypted with, or {@code null} for none
     * @param oldKeys  keys from before a rotation, for reading old values
     * @param whereFrom names the setting the keys come from, for error messages (the keys never appear in them)
     * @throws IllegalArgumentException when a key is not 32 bytes in Base64
     */
    public static SecretKeyRing of(String current, List<String> oldKeys, String whereFrom) {
        List<Key> old = new ArrayList<>();
        for (int i = 0; i < oldKeys.size(); i++) {
            if (!oldKeys.get(i).isBlank()) {
                old.add(parse(oldKeys.get(i), whereFrom + " (old key " + (i + 1) + ")"));
            }
        }
        Key now = current == null || current.isBlank() ? null : parse(current, whereFrom);
        if (now == null && !old.isEmpty()) {
            throw new IllegalArgumentException(whereFrom + ": old keys are listed but no current key is set");
        }
        return new SecretKeyRing(now, old);
    }

    /** The key new values are encrypted with. */
    public Optional<Key> current() {
        return Optional.ofNullable(current);
    }

    /** The key with this id, current or old. */
    public Optional<Key> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key id, the current one first. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The id of a raw key: the first 8 bytes of its SHA-256, in hex. */
    static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Key parse(String base64, String whereFrom) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(whereFrom + " is not Base64; make a key with: openssl rand -base64 32");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException(whereFrom + " must be " + KEY_BYTES + " random bytes in Base64, not "
                    + raw.length + " bytes; make a key with: openssl rand -base64 32");
        }
        return new Key(idOf(raw), new SecretKeySpec(raw, "AES"));
    }
}
