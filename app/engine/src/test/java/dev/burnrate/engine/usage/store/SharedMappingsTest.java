package dev.burnrate.engine.usage.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.usage.AllocatorTestBase;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.validation.ValidationMode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A hot version file is mapped once, shared by the queries on it, and unmapped when evicted or closed. */
class SharedMappingsTest extends AllocatorTestBase {

    private static final ImportOptions LENIENT = ImportOptions.defaults().withMode(ValidationMode.LENIENT);

    @Test
    void twoQueriesOfOneVersionShareOneMappingAndClosingTheStoreUnmapsIt() throws IOException {
        String version = importCsv("costs", sample(), LENIENT).version().orElseThrow().versionId();

        try (UsageTable first = store.open("costs", version, allocator);
             UsageTable second = store.open("costs", version, allocator)) {
            assertThat(second.rowCount()).isEqualTo(first.rowCount()).isPositive();
        }
        try (UsageTable third = store.open("costs", version, allocator)) {
            assertThat(third.rowCount()).isPositive();
        }
        assertThat(store.mappings().created()).isEqualTo(1);
        assertThat(store.mappings().live()).isEqualTo(1);

        store.close();
        assertThat(store.mappings().live()).isZero();
        assertThat(MappedFiles.unmapsAtOnce()).as("unmapped by the JDK's cleaner, not left to the GC").isTrue();
    }

    @Test
    void aMappingStaysUntilTheLastTableOnItIsClosed() throws IOException {
        String version = importCsv("costs", sample(), LENIENT).version().orElseThrow().versionId();
        UsageTable open = store.open("costs", version, allocator);
        long rows = open.rowCount();

        store.close();
        assertThat(store.mappings().live()).as("still read by the open table").isEqualTo(1);
        assertThat(open.vector(0, 0).getValueCount()).isEqualTo(open.rows(0));
        assertThat(open.rowCount()).isEqualTo(rows);

        open.close();
        assertThat(store.mappings().live()).isZero();
    }

    @Test
    void theLeastRecentlyUsedMappingIsUnmappedBeyondTheCapacity() throws IOException {
        DatasetStore small = new DatasetStore(temp.resolve("small"), allocator, clock, Long.MAX_VALUE, 1);
        Path csv = sample();
        String a = new FileImports(small).importFile("a", csv, "a.csv", dev.burnrate.engine.usage.ingest.SourceFormat.CSV,
                LENIENT, "tester").version().orElseThrow().versionId();
        String b = new FileImports(small).importFile("b", csv, "b.csv", dev.burnrate.engine.usage.ingest.SourceFormat.CSV,
                LENIENT, "tester").version().orElseThrow().versionId();

        small.open("a", a, allocator).close();
        small.open("b", b, allocator).close();
        assertThat(small.mappings().created()).isEqualTo(2);
        assertThat(small.mappings().live()).isEqualTo(1);

        small.open("a", a, allocator).close();
        assertThat(small.mappings().created()).as("a was evicted, so it is mapped again").isEqualTo(3);
        small.close();
        assertThat(small.mappings().live()).isZero();
    }

    @Test
    void aVersionMovedToColdAndBackIsMappedAgainFromItsNewFile() throws IOException {
        String version = importCsv("costs", sample(), LENIENT).version().orElseThrow().versionId();
        long rows;
        try (UsageTable t = store.open("costs", version, allocator)) {
            rows = t.rowCount();
        }
        StorageTiers tiers = new StorageTiers(store);
        tiers.moveToCold("costs", version);
        tiers.moveToHot("costs", version);

        try (UsageTable t = store.open("costs", version, allocator)) {
            assertThat(t.rowCount()).isEqualTo(rows);
        }
        assertThat(store.mappings().created()).isEqualTo(2);
    }
}
