package dev.burnrate.portal.usage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StreamedUploadTest {

    @Test
    void aBodyWithinTheLimitLandsWholeInATemporaryFileThatClosingDeletes() throws IOException {
        byte[] body = "a,b\n1,2\n".repeat(10_000).getBytes();
        Path file;
        try (StreamedUpload upload = StreamedUpload.receive(new ByteArrayInputStream(body), body.length,
                body.length)) {
            file = upload.file();
            assertThat(Files.readAllBytes(file)).isEqualTo(body);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsRead() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        long before = uploadFiles();
        assertThatThrownBy(() -> StreamedUpload.receive(untouchable, 1001, 1000))
                .isInstanceOf(StreamedUpload.TooLarge.class).hasMessageContaining("1000 bytes");
        assertThat(uploadFiles()).isEqualTo(before);
    }

    @Test
    void aBodyWithoutALengthIsCountedAndItsPartialFileRemovedOncePastTheLimit() {
        long before = uploadFiles();
        // chunked: no declared length; 200 KB against a 100 KB limit
        byte[] body = new byte[200 * 1024];
        assertThatThrownBy(() -> StreamedUpload.receive(new ByteArrayInputStream(body), -1, 100 * 1024))
                .isInstanceOf(StreamedUpload.TooLarge.class).hasMessageContaining("nothing was stored");
        assertThat(uploadFiles()).isEqualTo(before);
    }

    private static long uploadFiles() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("burnrate-api-upload-")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
