package dev.burnrate.engine.usage.bench;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.synth.GeneratorSpec;
import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Burnrate against DuckDB on the same synthetic FOCUS rows, in one run: CSV import, columnar-file import and the
 * group-by ServiceName x day summing EffectiveCost. Prints rows/s for both and the ratio. Not a test: run it by
 * hand (see BENCHMARKS.md). Arguments: rows (default 10,000,000) and a work directory.
 */
public final class UsageBenchmark {

    private static final int QUERY_RUNS = 7;

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench"));
        Path csv = dir.resolve("synthetic-" + rows + ".csv");
        long generated = generate(csv, rows);
        System.out.printf(Locale.ROOT, "rows: %,d  csv: %,d MB%n", generated, Files.size(csv) >> 20);

        Path storeDir = dir.resolve("store");
        deleteTree(storeDir);
        Measure ours = new Measure();
        Measure duck = new Measure();
        try (BufferAllocator allocator = new RootAllocator()) {
            DatasetStore store = new DatasetStore(storeDir, allocator, Clock.systemUTC());
            FileImports imports = new FileImports(store);
            PeakMemory.reset();
            long t0 = System.nanoTime();
            ImportResult fromCsv = imports.importFile("bench", csv, csv.getFileName().toString(), SourceFormat.CSV,
                    ImportOptions.defaults(), "bench");
            ours.csvSeconds = seconds(t0);
            VersionManifest v = fromCsv.version().orElseThrow(() -> new IllegalStateException(
                    fromCsv.report().rejectionReason()));
            Path ipc = Files.copy(store.dataFile("bench", v.versionId()), dir.resolve("bench.arrow"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            t0 = System.nanoTime();
            ImportResult fromIpc = imports.importFile("bench-ipc", ipc, "bench.arrow", SourceFormat.ARROW_FILE,
                    ImportOptions.defaults(), "bench");
            ours.ipcSeconds = seconds(t0);
            check(fromIpc.version().orElseThrow().rowCount() == v.rowCount(), "IPC import lost rows");
            try (UsageTable table = store.open("bench", v.versionId(), allocator)) {
                QueryEngine engine = new QueryEngine();
                UsageQuery q = UsageQuery.builder().groupBy("ServiceName").bucket(TimeBucket.DAY)
                        .sum(Metric.EFFECTIVE_COST).build();
                double[] times = new double[QUERY_RUNS];
                QueryResult r = null;
                for (int i = 0; i < QUERY_RUNS + 3; i++) {
                    t0 = System.nanoTime();
                    r = engine.run(table, q);
                    if (i >= 3) {
                        times[i - 3] = seconds(t0);
                    }
                }
                ours.groupSeconds = median(times);
                ours.groups = r.rows().size();
                ours.sum = r.total(Metric.EFFECTIVE_COST);
            }
            ours.peakRssMb = PeakMemory.rssMb();
            ours.arrowPeakMb = allocator.getPeakMemoryAllocation() >> 20;
            ours.heapPeakMb = PeakMemory.heapMb();
            deleteTree(storeDir);
        }
        PeakMemory.reset();
        duckdb(csv, dir, duck);
        duck.peakRssMb = PeakMemory.rssMb();

        long n = generated;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %16s %16s %8s%n", "", "Burnrate", "DuckDB", "ratio");
        row("CSV import rows/s", n / ours.csvSeconds, n / duck.csvSeconds);
        row("columnar file import rows/s (IPC vs Parquet)", n / ours.ipcSeconds, n / duck.ipcSeconds);
        row("group-by ServiceName x day rows/s", n / ours.groupSeconds, n / duck.groupSeconds);
        System.out.printf(Locale.ROOT, "groups: Burnrate %d, DuckDB %d; EffectiveCost sum: %.2f vs %.2f%n",
                ours.groups, duck.groups, ours.sum, duck.sum);
        System.out.printf(Locale.ROOT, "peak RSS: Burnrate phase %,d MB (heap %,d MB, Arrow %,d MB), DuckDB phase %,d MB%n",
                ours.peakRssMb, ours.heapPeakMb, ours.arrowPeakMb, duck.peakRssMb);
        check(ours.groups == duck.groups, "group counts differ");
        check(Math.abs(ours.sum - duck.sum) < 1e-6 * Math.max(1, Math.abs(duck.sum)), "sums differ");
    }

    private static void duckdb(Path csv, Path dir, Measure m) throws Exception {
        Path parquet = dir.resolve("bench.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            // UTC and plain TIMESTAMP columns: DuckDB's fastest path for day buckets (TIMESTAMPTZ truncation goes
            // through time-zone calendars and is many times slower, which would flatter Burnrate).
            s.execute("SET TimeZone = 'UTC'");
            long t0 = System.nanoTime();
            s.execute("CREATE TABLE t AS SELECT * REPLACE (ChargePeriodStart::TIMESTAMP AS ChargePeriodStart) "
                    + "FROM read_csv('" + csv + "', header=true)");
            m.csvSeconds = seconds(t0);
            s.execute("COPY t TO '" + parquet + "' (FORMAT parquet)");
            t0 = System.nanoTime();
            s.execute("CREATE TABLE p AS SELECT * FROM read_parquet('" + parquet + "')");
            m.ipcSeconds = seconds(t0);
            s.execute("DROP TABLE p");
            String q = "SELECT ServiceName, date_trunc('day', ChargePeriodStart) AS d, sum(EffectiveCost) AS c "
                    + "FROM t GROUP BY ALL";
            double[] times = new double[QUERY_RUNS];
            for (int i = 0; i < QUERY_RUNS + 3; i++) {
                t0 = System.nanoTime();
                long groups = 0;
                double sum = 0;
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        groups++;
                        sum += rs.getDouble(3);
                    }
                }
                if (i >= 3) {
                    times[i - 3] = seconds(t0);
                }
                m.groups = (int) groups;
                m.sum = sum;
            }
            m.groupSeconds = median(times);
        } finally {
            Files.deleteIfExists(parquet);
        }
    }

    private static long generate(Path csv, long rows) throws Exception {
        SyntheticFocusGenerator g = new SyntheticFocusGenerator(
                GeneratorSpec.ofRows(20_261_128L, Instant.parse("2026-09-01T00:00:00Z"), rows));
        Path marker = csv.resolveSibling(csv.getFileName() + ".rows");
        if (Files.exists(csv) && Files.exists(marker)) {
            return Long.parseLong(Files.readString(marker).trim());
        }
        long t0 = System.nanoTime();
        long n;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 20)) {
            n = g.writeCsv(out);
        }
        Files.writeString(marker, Long.toString(n));
        System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", n, seconds(t0));
        return n;
    }

    private static void row(String name, double ours, double theirs) {
        System.out.printf(Locale.ROOT, "%-44s %,16.0f %,16.0f %8.2f%n", name, ours, theirs, ours / theirs);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(x);
                }
            }
        }
    }

    private static final class Measure {
        double csvSeconds;
        double ipcSeconds;
        double groupSeconds;
        int groups;
        double sum;
        long peakRssMb;
        long heapPeakMb;
        long arrowPeakMb;
    }
}
