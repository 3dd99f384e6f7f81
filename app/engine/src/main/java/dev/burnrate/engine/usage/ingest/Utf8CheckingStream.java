package dev.burnrate.engine.usage.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

/**
 * Checks that a CSV's bytes are well-formed UTF-8 as they stream past, and knows where each byte is: physical line
 * (CR, LF or CRLF end one, as FastCSV counts them), byte offset within that line, and CSV field within the record
 * (commas outside quotes). A decoder reads ahead by kilobytes, so by the time it fails the parser is many lines
 * behind; checking here names the exact line and field of the bad byte. Also remembers the last byte, to tell a
 * file that ends mid-row from one that merely lacks a final newline.
 */
final class Utf8CheckingStream extends FilterInputStream {

    private long line = 1;
    private long byteInLine;
    private int field;
    private boolean inQuotes;
    private boolean afterCr;
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private long sequenceByte;
    private int last = -1;

    Utf8CheckingStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            endOfInput();
            return b;
        }
        check(b);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            endOfInput();
            return n;
        }
        for (int i = off; i < off + n; i++) {
            check(buf[i] & 0xFF);
        }
        return n;
    }

    boolean endsWithNewline() {
        return last == '\n' || last == '\r';
    }

    private void check(int b) throws MalformedUtf8Exception {
        last = b;
        byteInLine++;
        if (pending > 0) {
            if (b < low || b > high) {
                throw malformed(sequenceByte, "an incomplete multi-byte sequence");
            }
            low = 0x80;
            high = 0xBF;
            pending--;
            return;
        }
        if (b < 0x80) {
            ascii(b);
            return;
        }
        sequenceByte = byteInLine;
        if (b >= 0xC2 && b <= 0xDF) {
            start(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            start(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            start(2, 0x80, 0x9F);
        } else if (b >= 0xE1 && b <= 0xEF) {
            start(2, 0x80, 0xBF);
        } else if (b == 0xF0) {
            start(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            start(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            start(3, 0x80, 0x8F);
        } else {
            throw malformed(byteInLine, String.format("byte 0x%02X, which cannot start a character", b));
        }
    }

    private void start(int continuations, int lo, int hi) {
        pending = continuations;
        low = lo;
        high = hi;
    }

    private void ascii(int b) {
        if (b == '\n') {
            if (!afterCr) {
                newLine();
            }
            afterCr = false;
            byteInLine = 0;
            return;
        }
        afterCr = b == '\r';
        if (afterCr) {
            newLine();
        } else if (b == '"') {
            inQuotes = !inQuotes;
        } else if (b == ',' && !inQuotes) {
            field++;
        }
    }

    private void newLine() {
        line++;
        byteInLine = 0;
        if (!inQuotes) {
            field = 0;
        }
    }

    private void endOfInput() throws MalformedUtf8Exception {
        if (pending > 0) {
            pending = 0;
            throw malformed(sequenceByte, "a multi-byte sequence cut off by the end of the file");
        }
    }

    private MalformedUtf8Exception malformed(long atByte, String what) {
        // A CR ending the previous line has already advanced the count; the bad byte is on the new line.
        return new MalformedUtf8Exception(line, atByte, field + 1, what);
    }

    /** Where the first malformed byte is: 1-based physical line, byte within that line, and CSV field. */
    static final class MalformedUtf8Exception extends CharacterCodingException {
        final long line;
        final long byteInLine;
        final int field;
        private final String what;

        MalformedUtf8Exception(long line, long byteInLine, int field, String what) {
            this.line = line;
            this.byteInLine = byteInLine;
            this.field = field;
            this.what = what;
        }

        String what() {
            return what;
        }

        @Override
        public String getMessage() {
            return "invalid UTF-8 at line " + line + ", field " + field + ", byte " + byteInLine + " of the line: "
                    + what;
        }
    }
}
