package dev.burnrate.engine.usage.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.burnrate.engine.usage.validation.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;

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
        Utf8CheckingStream bytes = new Utf8CheckingStream(in);
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
        } catch (RuntimeException e) {
            throw aborted(e, feeder, options);
        }
    }

    /** Names what stopped the parser: one of our limits, bad UTF-8 (exact line and field), or CSV syntax. */
    private static RuntimeException aborted(RuntimeException e, CsvRecordFeeder feeder, ImportOptions options)
            throws IOException {
        CancellationException cancelled = find(e, CancellationException.class);
        if (cancelled != null) {
            return cancelled; // the caller gave up (its progress listener said so): not a problem of the file
        }
        ImportAbortedException limit = find(e, ImportAbortedException.class);
        if (limit != null) {
            return limit;
        }
        Utf8CheckingStream.MalformedUtf8Exception utf8 = find(e, Utf8CheckingStream.MalformedUtf8Exception.class);
        if (utf8 != null) {
            String column = feeder.headerName(utf8.field - 1);
            return new ImportAbortedException(Rule.ENCODING, utf8.line, column, "the file is not valid UTF-8 at line "
                    + utf8.line + ", field " + utf8.field + (column == null ? "" : " (column " + column + ")")
                    + ", byte " + utf8.byteInLine + " of the line: " + utf8.what());
        }
        if (find(e, CharacterCodingException.class) != null) {
            return new ImportAbortedException(Rule.ENCODING, feeder.currentLine(), null,
                    "the file is not valid UTF-8 (malformed byte sequence at or after line "
                            + feeder.currentLine() + ")");
        }
        if (!(e instanceof CsvParseException) && e.getCause() instanceof IOException io) {
            throw io;
        }
        // FastCSV stops a record that outgrows its buffer (maxLineLength) before our per-field check sees it,
        // with a message about the buffer or, for one huge field, an index out of bounds.
        String message = rootMessage(e);
        boolean tooLong = message.toLowerCase().contains("buffer")
                || find(e, IndexOutOfBoundsException.class) != null;
        long line = feeder.currentLine();
        return tooLong
                ? new ImportAbortedException(Rule.LINE_TOO_LONG, line, null, "line " + line
                        + " is longer than the limit of " + options.maxLineLength()
                        + " characters per record (ImportOptions.maxLineLength)")
                : new ImportAbortedException(Rule.CSV_SYNTAX, line, null,
                        "malformed CSV near line " + line + ": " + message);
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
}
