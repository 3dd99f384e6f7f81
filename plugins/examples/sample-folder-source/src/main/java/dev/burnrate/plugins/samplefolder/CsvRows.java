package dev.burnrate.plugins.samplefolder;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Rows keep their starting line. */
final class CsvRows {

    /** One record and the line it starts on (1-based). */
    record Row(int line, List<String> cells) {
    }

    private CsvRows() {
    }

    static List<Row> parse(String name, String text) throws CsvException {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int rowLine = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(value(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(value(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
                if (!(cells.size() == 1 && cells.getFirst() == null)) {
                    rows.add(new Row(rowLine, nullable(cells)));
                }
                cells.clear();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new CsvException(name + " line " + rowLine + ": a quoted field is not closed");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(value(cell, wasQuoted));
            rows.add(new Row(rowLine, nullable(cells)));
        }
        return rows;
    }

    /** An empty unquoted cell and the token NULL (as real exports write it) are missing values. */
    private static String value(StringBuilder cell, boolean wasQuoted) {
        String v = cell.toString();
        if (!wasQuoted && (v.isEmpty() || v.equals("NULL"))) {
            return null;
        }
        return v;
    }

    private static List<String> nullable(List<String> cells) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** The file is not well-formed CSV. */
    static final class CsvException extends Exception {
        CsvException(String message) {
            super(message);
        }
    }
}
