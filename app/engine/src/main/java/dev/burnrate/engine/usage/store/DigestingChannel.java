package dev.burnrate.engine.usage.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes to a file and computes the SHA-256 of everything written, so a version is hashed in the same pass. */
final class DigestingChannel implements WritableByteChannel {

    private final FileChannel file;
    private final MessageDigest digest;

    DigestingChannel(FileChannel file) {
        this.file = file;
        this.digest = sha256();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ByteBuffer view = src.duplicate();
        int n = file.write(src);
        view.limit(view.position() + n);
        digest.update(view);
        return n;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        if (file.isOpen()) {
            file.force(true);
            file.close();
        }
    }
}
