package dev.burnrate.engine.usage.ingest;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import dev.burnrate.engine.usage.validation.Rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FastCSV callback handler that feeds each field straight from the parser's buffer into the
 * {@link RowAssembler}: no String per cell. The record's characters are also copied into one reused arena, which
 * is all the quarantine file needs if the row turns out bad. Enforces the column and line-length limits as the
 * fields arrive, so a CSV bomb stops at the limit instead of filling memory.
 */
final class CsvRecordFeeder extends CsvCallbackHandler<Boolean> implements RowAssembler.RawRow {

    private final ImportSession session;
    private final int maxColumns;
    private final int maxLineLength;
    private final List<String> header = new ArrayList<>();
    private RowAssembler assembler;
    private ColumnLayout layout;
    private boolean headerDone;
    private boolean stopped;
    private long line;
    private long dataRows;
    private int fields;
    private long chars;
    private char[] arena = new char[4096];
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int arenaUsed;
    private boolean lastRowShort;
    private boolean blank;

    CsvRecordFeeder(ImportSession session, ImportOptions options) {
        this.session = session;
        this.maxColumns = options.maxColumns();
        this.maxLineLength = options.maxLineLength();
    }

    long currentLine() {
        return line;
    }

    /** The header name of a 0-based field, or null when the header is not read yet or has no such field. */
    String headerName(int field) {
        return headerDone && field >= 0 && field < header.size() ? header.get(field) : null;
    }

    boolean stopped() {
        return stopped;
    }

    @Override
    protected RecordType getRecordType() {
        return fields == 0 || blank ? RecordType.EMPTY : RecordType.DATA;
    }

    @Override
    protected int getFieldCount() {
        return fields;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
        line = startingLineNumber;
        fields = 0;
        chars = 0;
        arenaUsed = 0;
        blank = false;
        if (headerDone && assembler != null) {
            assembler.beginRow(dataRows + 1, line);
        }
    }

    @Override
    protected void addField(char[] buf, int off, int len, boolean quoted) {
        if (fields >= maxColumns) {
            throw new ImportAbortedException(Rule.TOO_MANY_COLUMNS, line, null,
                    "line " + line + " has more than " + maxColumns + " columns (the configured limit)");
        }
        chars += len + 1;
        if (chars > maxLineLength) {
            throw new ImportAbortedException(Rule.LINE_TOO_LONG, line, null,
                    "line " + line + " is longer than the limit of " + maxLineLength + " characters");
        }
        blank = fields == 0 && len == 0 && !quoted;
        remember(buf, off, len);
        if (headerDone && assembler != null && fields < layout.sourceWidth()) {
            assembler.text(layout.targetOf(fields), buf, off, len);
        }
        fields++;
    }

    private void remember(char[] buf, int off, int len) {
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        }
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            lengths = Arrays.copyOf(lengths, fields * 2);
        }
        System.arraycopy(buf, off, arena, arenaUsed, len);
        starts[fields] = arenaUsed;
        lengths[fields] = len;
        arenaUsed += len;
    }

    @Override
    protected void setComment(char[] buf, int off, int len) {
        // comments are not enabled; FastCSV never calls this
    }

    @Override
    protected void setEmpty() {
        fields = 0;
    }

    @Override
    protected Boolean buildRecord() {
        try {
            if (fields == 0 || blank) {
                return Boolean.FALSE;
            }
            if (!headerDone) {
                return startHeader();
            }
            if (stopped) {
                return Boolean.FALSE;
            }
            dataRows++;
            int width = layout.sourceWidth();
            lastRowShort = fields < width;
            if (fields != width) {
                assembler.rowProblem(Rule.FIELD_COUNT, "the row has " + fields + " fields but the header has "
                        + width);
            }
            assembler.endRow(this);
            return Boolean.TRUE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Boolean startHeader() throws IOException {
        headerDone = true;
        for (int i = 0; i < fields; i++) {
            String name = new String(arena, starts[i], lengths[i]);
            header.add(i == 0 && name.startsWith("\uFEFF") ? name.substring(1) : name);
        }
        layout = session.layoutFor(header);
        if (layout == null) {
            stopped = true;
            return Boolean.FALSE;
        }
        assembler = session.open(layout, header);
        return Boolean.TRUE;
    }

    /** Called after the last record: a short last row without a final newline means the file was cut off. */
    void endOfInput(boolean endsWithNewline) {
        if (lastRowShort && !endsWithNewline) {
            session.fatal(Rule.TRUNCATED, line, null, "the file ends in the middle of row " + dataRows
                    + " (line " + line + "): it looks truncated");
        }
    }

    @Override
    public List<String> fields() {
        List<String> out = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            out.add(new String(arena, starts[i], lengths[i]));
        }
        return out;
    }
}
