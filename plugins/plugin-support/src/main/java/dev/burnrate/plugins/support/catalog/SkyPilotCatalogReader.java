package dev.burnrate.plugins.support.catalog;

import dev.burnrate.plugins.support.csv.CsvRow;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a SkyPilot VM catalog CSV ({@code InstanceType, AcceleratorName, AcceleratorCount, vCPUs, MemoryGiB,
 * GpuInfo, Price, SpotPrice, Region[, AvailabilityZone]}, in any column order) into {@link CatalogRow}s. It drops
 * verbatim duplicate rows and turns a provider's placeholder price (GCP writes 700.0 where a TPU is not sold) into
 * "not offered"; both are noted in the {@link CatalogReport}, as are rows offering a fraction of one accelerator,
 * which are skipped.
 */
public final class SkyPilotCatalogReader {
    public static final String DUPLICATE = "duplicate";
    public static final String PLACEHOLDER = "placeholder-price";
    public static final String FRACTIONAL = "fractional-accelerator";

    private final Double placeholderPrice;
    private final java.util.function.Predicate<CatalogRow> placeholderApplies;

    /** A reader for catalogs without placeholder prices. */
    public SkyPilotCatalogReader() {
        this(null, row -> false);
    }

    /**
     * @param placeholderPrice   the value the catalog uses for "not available"
     * @param placeholderApplies which rows use it (a real price may equal it elsewhere)
     */
    public SkyPilotCatalogReader(Double placeholderPrice, java.util.function.Predicate<CatalogRow> placeholderApplies) {
        this.placeholderPrice = placeholderPrice;
        this.placeholderApplies = placeholderApplies;
    }

    /** Reads several catalog files bundled next to {@code owner}, in order, into one list of rows. */
    public List<CatalogRow> readResources(Class<?> owner, List<String> files, CatalogReport report) {
        List<CatalogRow> rows = new ArrayList<>();
        for (String file : files) {
            CsvTable table = CsvTable.readResource(owner, file);
            int lines = table.rows().isEmpty() ? 1 : table.rows().getLast().line();
            rows.addAll(read(table, report, report.addFile(file, lines)));
        }
        return rows;
    }

    public List<CatalogRow> read(CsvTable table, CatalogReport report) {
        return read(table, report, 0);
    }

    /** Reads with {@code lineOffset} added to every line number (see {@link CatalogReport#addFile}). */
    private List<CatalogRow> read(CsvTable table, CatalogReport report, int lineOffset) {
        table.requireColumns("InstanceType", "AcceleratorName", "AcceleratorCount", "vCPUs", "MemoryGiB", "Price",
                "SpotPrice", "Region");
        List<CatalogRow> rows = new ArrayList<>();
        Set<CatalogRow> seen = new HashSet<>();
        report.rowsRead(table.rows().size());
        for (CsvRow csv : table.rows()) {
            double count = csv.decimal("AcceleratorCount", 0);
            if (count > 0 && count != Math.rint(count)) {
                // A share of one GPU (AWS g6f/gr6f): offerings count whole accelerators, so it cannot be one.
                report.note(lineOffset + csv.line(), FRACTIONAL, csv.text("InstanceType") + " has " + count + " "
                        + csv.text("AcceleratorName") + ", a fraction of one accelerator: skipped");
                continue;
            }
            CatalogRow row = toRow(csv, lineOffset);
            if (!seen.add(row.withoutLine())) {
                report.note(row.line(), DUPLICATE, "verbatim repeat of an earlier row, dropped");
                continue;
            }
            rows.add(clean(row, report));
        }
        return rows;
    }

    private static CatalogRow toRow(CsvRow csv, int lineOffset) {
        double count = csv.decimal("AcceleratorCount", 0);
        if (count != Math.rint(count) || count < 0) {
            throw csv.error("AcceleratorCount", "must be a whole, non-negative number but is " + count);
        }
        return new CatalogRow(lineOffset + csv.line(), csv.text("InstanceType"), csv.text("AcceleratorName"), (int) count,
                csv.decimal("vCPUs", 0), csv.decimal("MemoryGiB", 0), csv.text("GpuInfo"),
                csv.requiredText("Region"), csv.text("AvailabilityZone"), nonNegative(csv, "Price"),
                nonNegative(csv, "SpotPrice"));
    }

    private static Double nonNegative(CsvRow csv, String column) {
        Double value = csv.decimal(column);
        if (value != null && value < 0) {
            throw csv.error(column, "must not be negative but is " + value);
        }
        return value;
    }

    private CatalogRow clean(CatalogRow row, CatalogReport report) {
        if (placeholderPrice == null || !placeholderApplies.test(row)) {
            return row;
        }
        Double price = row.price();
        Double spot = row.spotPrice();
        if (placeholderPrice.equals(price)) {
            report.note(row.line(), PLACEHOLDER, "on-demand price " + price + " is the 'not available' placeholder");
            price = null;
        }
        if (placeholderPrice.equals(spot)) {
            report.note(row.line(), PLACEHOLDER, "spot price " + spot + " is the 'not available' placeholder");
            spot = null;
        }
        return new CatalogRow(row.line(), row.instanceType(), row.acceleratorName(), row.acceleratorCount(),
                row.vcpus(), row.memoryGib(), row.gpuInfo(), row.region(), row.zone(), price, spot);
    }
}
