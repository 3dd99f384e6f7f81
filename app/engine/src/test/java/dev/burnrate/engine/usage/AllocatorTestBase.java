package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.ImportResult;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One root allocator per test, closed after it: Arrow's close throws when any buffer is still allocated, so a
 * leaked vector, table or import fails the test that leaked it.
 */
public abstract class AllocatorTestBase {

    protected BufferAllocator allocator;
    protected DatasetStore store;
    protected MutableClock clock;

    @TempDir
    protected Path temp;

    @BeforeEach
    void openAllocator() throws IOException {
        allocator = new RootAllocator();
        clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
        store = new DatasetStore(temp.resolve("store"), allocator, clock);
    }

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Copies a classpath resource into the temp directory. */
    protected Path resource(String name) {
        try (InputStream in = AllocatorTestBase.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            Path target = temp.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Path sample() {
        return resource("focus/focus_1.0_sample_500.csv");
    }

    protected ImportResult importCsv(String dataset, Path file, ImportOptions options) {
        return new FileImports(store).importFile(dataset, file, file.getFileName().toString(), SourceFormat.CSV,
                options, "tester");
    }

    protected Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    /** A clock tests can move forward (tiering rules). */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
