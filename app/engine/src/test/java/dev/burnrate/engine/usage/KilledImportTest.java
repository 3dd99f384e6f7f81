package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.synth.GeneratorSpec;
import dev.burnrate.engine.usage.synth.SkuSpec;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real kill: a second JVM imports a large file and is killed with SIGKILL in the middle. Nothing may be visible
 * afterwards, and the next store start removes the staging files it left.
 */
class KilledImportTest extends AllocatorTestBase {

    @Test
    void aKilledImportLeavesNothingVisible() throws Exception {
        Path csv = temp.resolve("big.csv");
        SyntheticData.write(new GeneratorSpec(7, SyntheticData.START, 30, 600, GeneratorSpec.DEFAULT_TEAMS,
                SkuSpec.defaults(), 0), csv);
        Path root = temp.resolve("killed-store");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                ImportMain.class.getName(), root.toString(), csv.toString())
                .redirectErrorStream(true).start();
        Path dataset = root.resolve("killed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!stagingHasData(dataset) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the import must still be running when killed").isTrue();
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (RootAllocator a = new RootAllocator()) {
            assertThat(stagingHasData(dataset)).as("the kill left a staging directory").isTrue();
            DatasetStore reopened = new DatasetStore(root, a, Clock.systemUTC());
            assertThat(reopened.versions("killed")).isEmpty();
            try (Stream<Path> s = Files.list(dataset)) {
                assertThat(s.toList()).as("staging removed at start").isEmpty();
            }
        }
    }

    private static boolean stagingHasData(Path dataset) throws java.io.IOException {
        if (!Files.isDirectory(dataset)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dataset)) {
            List<Path> staging = s.filter(x -> x.getFileName().toString().startsWith(".staging-")).toList();
            for (Path d : staging) {
                Path data = d.resolve("data.arrow");
                if (Files.exists(data) && Files.size(data) > 1_000_000) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The program the test kills. */
    public static final class ImportMain {
        public static void main(String[] args) throws Exception {
            try (RootAllocator a = new RootAllocator()) {
                DatasetStore s = new DatasetStore(Path.of(args[0]), a, Clock.systemUTC());
                new FileImports(s).importFile("killed", Path.of(args[1]), "big.csv", SourceFormat.CSV,
                        ImportOptions.defaults().withBatchSize(4096), "killer");
            }
            System.out.println("finished at " + Instant.now());
        }
    }
}
