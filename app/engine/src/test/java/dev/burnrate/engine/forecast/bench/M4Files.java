package dev.burnrate.engine.forecast.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and writes the M4 Competition's CSV layout: a header row, then {@code id, value 1, value 2, ...}. */
final class M4Files {

    record Row(String id, double[] values) {
    }

    private M4Files() {
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            List<Double> values = new ArrayList<>();
            for (int c = 1; c < cells.length; c++) {
                String cell = unquote(cells[c]);
                if (!cell.isBlank()) {
                    values.add(Double.parseDouble(cell));
                }
            }
            rows.add(new Row(unquote(cells[0]), values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return rows;
    }

    static void write(Path file, List<String> ids, List<double[]> values) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            int h = values.isEmpty() ? 0 : values.getFirst().length;
            StringBuilder header = new StringBuilder("\"id\"");
            for (int k = 1; k <= h; k++) {
                header.append(",\"F").append(k).append('"');
            }
            out.write(header.append('\n').toString());
            for (int s = 0; s < ids.size(); s++) {
                StringBuilder line = new StringBuilder("\"").append(ids.get(s)).append('"');
                for (double v : values.get(s)) {
                    line.append(',').append(String.format(Locale.ROOT, "%.6g", v));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
