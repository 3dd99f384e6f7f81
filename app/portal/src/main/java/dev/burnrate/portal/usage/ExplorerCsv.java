package dev.burnrate.portal.usage;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.burnrate.engine.usage.query.QueryResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The explorer's current result as CSV: one line per group and bucket, exactly what the charts show. */
final class ExplorerCsv {

    private ExplorerCsv() {
    }

    static void write(QueryResult r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(w);
        List<String> header = new ArrayList<>(r.groupLabels());
        header.add("bucket");
        r.metrics().forEach(m -> header.add(m.column()));
        csv.writeRecord(header);
        for (QueryResult.Row row : r.rows()) {
            List<String> cells = new ArrayList<>();
            row.keys().forEach(k -> cells.add(k == null ? "" : k));
            cells.add(row.bucket() == null ? "" : row.bucket().toString());
            for (double v : row.values()) {
                cells.add(java.math.BigDecimal.valueOf(v).toPlainString());
            }
            csv.writeRecord(cells);
        }
        csv.flush();
        w.flush();
    }
}
