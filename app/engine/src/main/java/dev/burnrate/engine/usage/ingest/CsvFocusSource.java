package dev.burnrate.engine.usage.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.burnrate.engine.usage.validation.Rule;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streams a FOCUS CSV through FastCSV into an import session in constant memory: one record's characters and one
 * Arrow batch at a time. The bytes must be UTF-8 (a malformed byte is fatal, not replaced); a record longer than
 * {@link ImportOptions#maxLineLength()} or wider than {@link ImportOptions#maxColumns()} stops the import before
 * it can exhaust memory.
 */
public final class CsvFocusSource implements FocusSource {

    private final InputStream in;

    /** Reads from {@code in}; the caller closes it. */
    public CsvFocusSource(InputStream in) {
        this.in = in;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void readInto(ImportSession session) throws IOException {
        ImportOptions options = session.options();
        LastByteStream bytes = new LastByteStream(in);
        Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvRecordFeeder feeder = new CsvRecordFeeder(session, options);
        CsvReader<Boolean> csv = CsvReader.builder()
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .maxBufferSize(Math.max(options.maxLineLength() + 2, 8192))
                .build(feeder, reader);
        try {
            for (Boolean ignored : csv) {
                if (feeder.stopped()) {
                    return;
                }
            }
            feeder.endOfInput(bytes.endsWithNewline());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ImportAbortedException(Rule.ENCODING, feeder.currentLine(), null,
                        "the file is not valid UTF-8 (malformed byte sequence at or after line "
                                + feeder.currentLine() + ")");
            }
            throw e.getCause();
        } catch (CsvParseException e) {
            ImportAbortedException limit = find(e, ImportAbortedException.class);
            if (limit != null) {
                throw limit;
            }
            if (find(e, CharacterCodingException.class) != null) {
                throw new ImportAbortedException(Rule.ENCODING, feeder.currentLine(), null,
                        "the file is not valid UTF-8 (malformed byte sequence at or after line "
                                + feeder.currentLine() + ")");
            }
            String message = rootMessage(e);
            Rule rule = message.toLowerCase().contains("buffer") ? Rule.LINE_TOO_LONG : Rule.CSV_SYNTAX;
            throw new ImportAbortedException(rule, feeder.currentLine(), null, rule == Rule.LINE_TOO_LONG
                    ? "a line is longer than the limit of " + options.maxLineLength() + " characters"
                    : "malformed CSV near line " + feeder.currentLine() + ": " + message);
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** Remembers the last byte read, to tell a file that ends mid-row from one that merely lacks a newline. */
    private static final class LastByteStream extends FilterInputStream {
        private int last = -1;

        LastByteStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                last = b;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                last = buf[off + n - 1];
            }
            return n;
        }

        boolean endsWithNewline() {
            return last == '\n' || last == '\r';
        }
    }
}
