package dev.burnrate.plugins.support.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** The character-level state machine behind {@link CsvTable}. */
final class CsvParser {
    private final String source;
    private final Reader reader;
    private int line = 1;

    CsvParser(String source, Reader reader) {
        this.source = source;
        // mark/reset looks one character ahead; only buffered readers support it.
        this.reader = reader instanceof BufferedReader ? reader : new BufferedReader(reader);
    }

    List<CsvTable.RawRecord> parse() throws IOException {
        List<CsvTable.RawRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int recordLine = line;
        int c;
        while ((c = reader.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                if (fieldStarted || !field.isEmpty()) {
                    fields.add(field.toString());
                    records.add(new CsvTable.RawRecord(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new CsvFormatException(source + ":" + recordLine + ": a quoted field is not closed");
        }
        if (fieldStarted || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(new CsvTable.RawRecord(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
