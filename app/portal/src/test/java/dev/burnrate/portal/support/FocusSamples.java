package dev.burnrate.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The real FOCUS 1.0 sample export and variants of it as real exports have them, for import tests. */
public final class FocusSamples {

    private FocusSamples() {
    }

    /** The 500-row sample copied to {@code target/it-data/<name>}. */
    public static Path sample(String name) throws IOException {
        Path file = Path.of("target", "it-data", name);
        Files.createDirectories(file.getParent());
        try (InputStream in = FocusSamples.class.getResourceAsStream("/usage/focus_1.0_sample_500.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * The sample as a real multi-provider export has it: seven rows of a provider (Oracle) whose ContractedCost is
     * NULL, which FOCUS 1.0 forbids. Edited cell by cell with FastCSV, sharing no code with the importer.
     */
    public static Path withOracleNulls(Path sample, String name) throws IOException {
        Path target = sample.resolveSibling(name);
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(sample);
             var out = Files.newBufferedWriter(target);
             var writer = de.siegmar.fastcsv.writer.CsvWriter.builder().build(out)) {
            List<String> header = null;
            int row = 0;
            for (var r : reader) {
                List<String> cells = new ArrayList<>(r.getFields());
                if (header == null) {
                    header = cells;
                } else if (++row % 71 == 4) {
                    cells.set(header.indexOf("ProviderName"), "Oracle");
                    cells.set(header.indexOf("ContractedCost"), "NULL");
                }
                writer.writeRecord(cells);
            }
        }
        return target;
    }

    /** The exact decimal sum of the file's BilledCost column. */
    public static BigDecimal exactBilledCost(Path csv) throws IOException {
        BigDecimal sum = BigDecimal.ZERO;
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (var r : reader) {
                sum = sum.add(new BigDecimal(r.getField("BilledCost")));
            }
        }
        return sum;
    }
}
