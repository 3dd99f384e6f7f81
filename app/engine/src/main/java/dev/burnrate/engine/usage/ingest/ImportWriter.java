package dev.burnrate.engine.usage.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.schema.StoredSchema;
import dev.burnrate.engine.usage.store.Totals;
import dev.burnrate.engine.usage.store.VersionFileWriter;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The output side of one import: good rows to the version file (with totals, time range and providers
 * computed on the way), bad rows to the quarantine CSV. Both files live in the import's temporary directory
 * until the store publishes it.
 */
public final class ImportWriter implements AutoCloseable {

    private final List<FocusColumn> columns;
    private final VersionFileWriter file;
    private final BatchBuilder batches;
    private final Path quarantinePath;
    private final List<String> sourceHeader;
    private final Totals.Accumulator totals = new Totals.Accumulator();
    private final int billed;
    private final int effective;
    private final int list;
    private final int contracted;
    private final int consumed;
    private final int start;
    private final int end;
    private final int provider;
    private final BitSet providersUsed = new BitSet();
    private long minStart = Long.MAX_VALUE;
    private long maxEnd = Long.MIN_VALUE;
    private CsvWriter quarantine;
    private long quarantined;

    public ImportWriter(List<FocusColumn> columns, Path dataFile, Path quarantineFile, List<String> sourceHeader,
                        int batchSize, BufferAllocator allocator) throws IOException {
        this.columns = List.copyOf(columns);
        this.file = new VersionFileWriter(StoredSchema.of(columns), dataFile, VersionFileWriter.Codec.NONE, allocator);
        this.batches = new BatchBuilder(columns, batchSize, file);
        this.quarantinePath = quarantineFile;
        this.sourceHeader = List.copyOf(sourceHeader);
        billed = indexOf("BilledCost");
        effective = indexOf("EffectiveCost");
        list = indexOf("ListCost");
        contracted = indexOf("ContractedCost");
        consumed = indexOf("ConsumedQuantity");
        start = indexOf("ChargePeriodStart");
        end = indexOf("ChargePeriodEnd");
        provider = indexOf("ProviderName");
    }

    private int indexOf(String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    void accept(RowStaging row) throws IOException {
        totals.add(metric(row, billed), metric(row, effective), metric(row, list), metric(row, contracted),
                metric(row, consumed));
        if (!row.nulls[start]) {
            minStart = Math.min(minStart, row.longs[start]);
        }
        if (!row.nulls[end]) {
            maxEnd = Math.max(maxEnd, row.longs[end]);
        }
        if (provider >= 0 && !row.nulls[provider]) {
            providersUsed.set(row.ids[provider]);
        }
        batches.append(row);
    }

    /** The kept rows of a columnar batch, in order (so totals sum in the same order as row by row). */
    void accept(ColumnBatch b, boolean[] keep) throws IOException {
        double[] bc = column(b, billed);
        double[] ec = column(b, effective);
        double[] lc = column(b, list);
        double[] cc = column(b, contracted);
        double[] q = column(b, consumed);
        for (int i = 0; i < b.rows; i++) {
            if (keep != null && !keep[i]) {
                continue;
            }
            totals.add(at(bc, i), at(ec, i), at(lc, i), at(cc, i), at(q, i));
            if (!b.nulls[start][i]) {
                minStart = Math.min(minStart, b.longs[start][i]);
            }
            if (!b.nulls[end][i]) {
                maxEnd = Math.max(maxEnd, b.longs[end][i]);
            }
            if (provider >= 0 && !b.nulls[provider][i]) {
                providersUsed.set(b.ids[provider][i]);
            }
        }
        batches.append(b, keep);
    }

    private static double[] column(ColumnBatch b, int c) {
        return c < 0 ? null : b.doubles[c];
    }

    private static double at(double[] v, int i) {
        return v == null ? 0.0 : v[i];
    }

    private static double metric(RowStaging row, int c) {
        return c < 0 || row.nulls[c] ? 0.0 : row.doubles[c];
    }

    void quarantine(RowAssembler.RawRow raw, long line, List<ValidationIssue> problems) throws IOException {
        if (quarantine == null) {
            quarantine = CsvWriter.builder().build(quarantinePath, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(sourceHeader);
            header.add("x_QuarantineLine");
            header.add("x_QuarantineReasons");
            quarantine.writeRecord(header);
        }
        List<String> record = new ArrayList<>(raw.fields());
        while (record.size() < sourceHeader.size()) {
            record.add("");
        }
        record.add(Long.toString(line));
        record.add(problems.stream().map(p -> (p.column() == null ? "" : p.column() + ": ") + "[" + p.rule().id()
                + "] " + p.message()).collect(Collectors.joining("; ")));
        quarantine.writeRecord(record);
        quarantined++;
    }

    /** Flushes the last batch, writes the dictionaries and footer, and returns what was written. */
    WrittenVersion finish(RowAssembler assembler) throws IOException {
        batches.flush();
        Map<Integer, String[]> dictionaries = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (assembler.dictionary(c) != null) {
                dictionaries.put(c, assembler.dictionary(c).dictionary().values());
            }
        }
        String sha = file.finish(dictionaries);
        if (quarantine != null) {
            quarantine.close();
            quarantine = null;
        }
        List<String> providers = new ArrayList<>();
        if (provider >= 0) {
            String[] names = dictionaries.get(provider);
            providersUsed.stream().forEach(id -> providers.add(names[id]));
        }
        long rows = batches.rowsWritten();
        return new WrittenVersion(sha, rows, file.batches(), totals.result(),
                rows == 0 || minStart == Long.MAX_VALUE ? null : Micros.toInstant(minStart),
                rows == 0 || maxEnd == Long.MIN_VALUE ? null : Micros.toInstant(maxEnd),
                providers.stream().sorted().toList(), columns, quarantined);
    }

    @Override
    public void close() throws IOException {
        try {
            if (quarantine != null) {
                quarantine.close();
            }
        } finally {
            file.close();
        }
    }
}
