package dev.burnrate.portal.usage.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body copied to a temporary file in small chunks, never held whole in memory, and refused as soon as it
 * grows past the limit (a body sent without a length is counted as it arrives). Closing deletes the file.
 */
final class StreamedUpload implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final Path file;

    private StreamedUpload(Path file) {
        this.file = file;
    }

    /** Thrown when a body is larger than the limit; the partial file is gone by then. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("The upload is larger than the limit of " + limit + " bytes (burnrate.api.upload.max-size);"
                    + " nothing was stored");
        }
    }

    /**
     * Copies {@code body} to a new temporary file.
     *
     * @param declaredLength the request's Content-Length, or -1 when it has none; checked before anything is read
     * @throws TooLarge when the declared or the actual length is over {@code limit}
     */
    static StreamedUpload receive(InputStream body, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw new TooLarge(limit);
        }
        Path file = Files.createTempFile("burnrate-api-upload-", ".part");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            kept = true;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
        return new StreamedUpload(file);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
