package dev.burnrate.engine.usage.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the UTF-8 check places a bad byte: physical line (LF, CRLF, CR), byte within it, CSV field. */
class Utf8CheckingStreamTest {

    @Test
    void wellFormedTextPassesWhateverItsScripts() throws IOException {
        byte[] text = "a,\"é, ü\",日本,😀\r\nb,c\n".getBytes(StandardCharsets.UTF_8);
        assertThat(drain(text)).isEqualTo(text.length);
    }

    @Test
    void aStrayContinuationByteIsPlacedByLineFieldAndByte() {
        byte[] text = concat("h1,h2\r\nx,ab".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0x80});
        assertThatThrownBy(() -> drain(text)).isInstanceOfSatisfying(Utf8CheckingStream.MalformedUtf8Exception.class,
                e -> {
                    assertThat(e.line).isEqualTo(2);
                    assertThat(e.field).isEqualTo(2);
                    assertThat(e.byteInLine).isEqualTo(5);
                });
    }

    @Test
    void aQuotedFieldOverSeveralLinesKeepsItsFieldAndCountsPhysicalLines() {
        byte[] text = concat("h1,h2\nx,\"one\ntwo ".getBytes(StandardCharsets.US_ASCII),
                new byte[]{(byte) 0xE2, (byte) 0x28, (byte) 0xA1});
        assertThatThrownBy(() -> drain(text)).isInstanceOfSatisfying(Utf8CheckingStream.MalformedUtf8Exception.class,
                e -> {
                    assertThat(e.line).isEqualTo(3);
                    assertThat(e.field).isEqualTo(2);
                    assertThat(e.byteInLine).isEqualTo(5);
                    assertThat(e.getMessage()).contains("incomplete multi-byte sequence");
                });
    }

    @Test
    void overlongEncodingsSurrogatesAndACutOffSequenceAreRejected() {
        assertThatThrownBy(() -> drain(new byte[]{'a', (byte) 0xC0, (byte) 0xAF}))
                .hasMessageContaining("0xC0");
        assertThatThrownBy(() -> drain(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .hasMessageContaining("incomplete");
        assertThatThrownBy(() -> drain(new byte[]{'a', (byte) 0xF0, (byte) 0x9F}))
                .hasMessageContaining("end of the file");
    }

    private static long drain(byte[] bytes) throws IOException {
        try (InputStream in = new Utf8CheckingStream(new ByteArrayInputStream(bytes))) {
            byte[] buf = new byte[3];
            long n = 0;
            for (int r; (r = in.read(buf)) >= 0; ) {
                n += r;
            }
            return n;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
