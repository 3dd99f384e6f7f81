package dev.burnrate.engine.anomaly.bench;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.anomaly.AnomalyDetector;
import dev.burnrate.engine.anomaly.AnomalyScores;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;
import dev.burnrate.engine.timeseries.SeriesBatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The NAB harness behind {@code app/engine/anomaly-bench.sh}: reads every {@code INPUT/<category>/<file>.csv}
 * ({@code timestamp,value}), scores all files as one {@link SeriesBatch} in one kernel call (rows padded with
 * missing values to the longest file; the detector works on the order of the points, so irregular timestamps need
 * nothing special), writes NAB's results layout {@code OUT/<category>/<file>.csv} and prints the throughput of
 * both backends on the corpus repeated to thousands of series.
 */
public final class NabAnomalyBenchmark {

    private record Input(String category, String file, List<String> rows, double[] values) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: NabAnomalyBenchmark INPUT_DIR OUTPUT_DIR");
            System.exit(2);
        }
        List<Input> inputs = read(Path.of(args[0]));
        int length = inputs.stream().mapToInt(i -> i.values().length).max().orElse(0);
        double[] values = new double[inputs.size() * length];
        Arrays.fill(values, Double.NaN);
        List<List<String>> keys = new ArrayList<>();
        for (int s = 0; s < inputs.size(); s++) {
            System.arraycopy(inputs.get(s).values(), 0, values, s * length, inputs.get(s).values().length);
            keys.add(List.of(inputs.get(s).category(), inputs.get(s).file()));
        }
        SeriesBatch batch = new SeriesBatch(keys, Instant.EPOCH, Duration.ofHours(1), length, values);
        try (ComputeBackend simd = new JvmSimdBackend(); ComputeBackend reference = new ReferenceBackend()) {
            AnomalyScores scores = new AnomalyDetector(KernelRouter.always(simd)).score(batch);
            Path out = Path.of(args[1]);
            for (int s = 0; s < inputs.size(); s++) {
                write(out, inputs.get(s), scores, s);
            }
            System.out.printf("scored %d files, %d points%n", inputs.size(),
                    inputs.stream().mapToInt(i -> i.values().length).sum());
            throughput(reference, values, inputs.size(), length);
            throughput(simd, values, inputs.size(), length);
        }
    }

    /** Points per second over the corpus repeated to about 2,000 series, best of several runs. */
    private static void throughput(ComputeBackend backend, double[] corpus, int series, int length) throws Exception {
        int copies = Math.max(1, 2_000 / Math.max(1, series));
        double[] many = new double[copies * corpus.length];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(corpus, 0, many, c * corpus.length, corpus.length);
        }
        long points = Arrays.stream(many).filter(v -> !Double.isNaN(v)).count();
        AnomalyDetector detector = new AnomalyDetector(KernelRouter.always(backend));
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 8; run++) {
            long start = System.nanoTime();
            detector.score(new SeriesBatch(keys(copies * series), Instant.EPOCH, Duration.ofHours(1), length, many));
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("backend %s: %d series, %d points in %.1f ms: %.2f million points/s%n", backend.id(),
                copies * series, points, best * 1e3, points / best / 1e6);
    }

    private static List<List<String>> keys(int count) {
        List<List<String>> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(List.of(Integer.toString(i)));
        }
        return keys;
    }

    private static List<Input> read(Path dir) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> categories = Files.list(dir)) {
            for (Path category : categories.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(category)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                        inputs.add(parse(category.getFileName().toString(), file));
                    }
                }
            }
        }
        return inputs;
    }

    private static Input parse(String category, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            try {
                values[i] = Double.parseDouble(cells[1].trim());
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 2) + ": expected timestamp,value but got '"
                        + rows.get(i) + "'", e);
            }
        }
        return new Input(category, file.getFileName().toString(), rows, values);
    }

    private static void write(Path out, Input input, AnomalyScores scores, int s) throws IOException {
        Path target = out.resolve(input.category()).resolve(input.file());
        Files.createDirectories(target.getParent());
        StringBuilder csv = new StringBuilder("timestamp,value,anomaly_score\n");
        for (int t = 0; t < input.rows().size(); t++) {
            String[] cells = input.rows().get(t).split(",");
            csv.append(cells[0].trim()).append(',').append(cells[1].trim()).append(',')
                    .append(scores.score(s, t)).append('\n');
        }
        Files.writeString(target, csv);
    }
}
