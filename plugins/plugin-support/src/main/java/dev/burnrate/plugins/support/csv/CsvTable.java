package dev.burnrate.plugins.support.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, commas and line breaks inside quotes) that keeps the
 * line number of every record, so errors can say where they are. The first record is the header.
 */
public final class CsvTable {
    private final String source;
    private final Map<String, Integer> columns;
    private final List<CsvRow> rows;

    private CsvTable(String source, Map<String, Integer> columns, List<CsvRow> rows) {
        this.source = source;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Reads a resource relative to {@code anchor}'s package (as {@link Class#getResourceAsStream} does), so every
     * plugin reads its own file even when several plugins ship a file of the same name.
     */
    public static CsvTable readResource(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new CsvFormatException("resource " + resource + " not found in " + anchor.getName() + "'s plugin");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(resource, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static CsvTable read(String source, Reader reader) throws IOException {
        List<RawRecord> records = new CsvParser(source, reader).parse();
        if (records.isEmpty()) {
            throw new CsvFormatException(source + ": empty file, a header line is required");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (columns.putIfAbsent(name, i) != null) {
                throw new CsvFormatException(source + ":1: column '" + name + "' appears twice in the header");
            }
        }
        List<CsvRow> rows = new ArrayList<>(records.size() - 1);
        for (RawRecord record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                throw new CsvFormatException(source + ":" + record.line() + ": expected " + header.size()
                        + " fields like the header but found " + record.fields().size());
            }
            rows.add(new CsvRow(source, record.line(), columns, record.fields()));
        }
        return new CsvTable(source, Map.copyOf(columns), List.copyOf(rows));
    }

    public String source() {
        return source;
    }

    public List<CsvRow> rows() {
        return rows;
    }

    /** Fails with the file name when a column the caller relies on is absent. */
    public CsvTable requireColumns(String... names) {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new CsvFormatException(source + ":1: required column '" + name + "' is missing; found "
                        + columns.keySet());
            }
        }
        return this;
    }

    record RawRecord(int line, List<String> fields) {
    }
}
