package dev.burnrate.portal.notification;

import dev.burnrate.portal.base.BurnrateProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook secrets at rest with AES-GCM. The key is 32 random bytes in {@code <data-dir>/webhook-secret.key}
 * (created on first use, readable by the owner only), so a database dump alone does not reveal the secrets.
 */
@Component
public class WebhookSecrets {

    private static final int NONCE_BYTES = 12;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    public WebhookSecrets(BurnrateProperties properties) {
        this.keyFile = properties.dataDir().resolve("webhook-secret.key");
    }

    public String encrypt(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the webhook secret", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret (was the key file replaced?)", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
            }
        }
        return key;
    }

    private byte[] loadOrCreate() {
        try {
            if (Files.exists(keyFile)) {
                return Base64.getDecoder().decode(Files.readString(keyFile).trim());
            }
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            Path tmp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "webhook-secret", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // e.g. Windows: the folder's own permissions apply
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
            Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + keyFile, e);
        }
    }
}
