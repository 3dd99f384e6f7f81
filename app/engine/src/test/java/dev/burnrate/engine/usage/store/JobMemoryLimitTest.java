package dev.burnrate.engine.usage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.engine.usage.AllocatorTestBase;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.junit.jupiter.api.Test;

/**
 * Every job runs in a child allocator with the store's limit: a job past it fails with a message naming the limit
 * and leaves no memory allocated (the base class closes the root allocator after each test, failing on a leak).
 */
class JobMemoryLimitTest extends AllocatorTestBase {

    private static final ImportOptions LENIENT = ImportOptions.defaults().withMode(ValidationMode.LENIENT);

    private static final long LIMIT = 16 * 1024;

    @Test
    void anImportPastTheLimitIsRejectedSayingSoAndLeavesNothing() throws IOException {
        DatasetStore limited = new DatasetStore(temp.resolve("limited"), allocator, clock, LIMIT,
                DatasetStore.DEFAULT_MAPPED_FILES);

        ImportResult result = new FileImports(limited).importFile("costs", sample(), "costs.csv", SourceFormat.CSV,
                LENIENT, "tester");

        assertThat(result.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(result.report().rejectionReason())
                .contains("the import needs more memory than one job may use (1 MiB)");
        assertThat(allocator.getAllocatedMemory()).isZero();
        assertThat(limited.versions("costs")).isEmpty();
        assertThat(limited.root().resolve("costs")).as("no staging or dataset directory left").doesNotExist();
    }

    @Test
    void aQueryPastTheLimitFailsAndGivesItsMemoryAndMappingBack() throws IOException {
        String version = importCsv("costs", sample(), LENIENT).version().orElseThrow().versionId();
        DatasetStore limited = new DatasetStore(store.root(), allocator, clock, 1024,
                DatasetStore.DEFAULT_MAPPED_FILES);

        try (BufferAllocator job = limited.newJobAllocator("query-" + version)) {
            assertThatThrownBy(() -> limited.open("costs", version, job)).isInstanceOf(OutOfMemoryException.class);
            assertThat(job.getAllocatedMemory()).isZero();
        }
        limited.close();
        assertThat(limited.mappings().live()).isZero();
        assertThat(allocator.getAllocatedMemory()).isZero();
    }

    @Test
    void theMessageNamesTheLimit() throws IOException {
        DatasetStore limited = new DatasetStore(temp.resolve("m"), allocator, clock, 3L << 30, 1);
        assertThat(limited.overLimit("the query of v1"))
                .isEqualTo("the query of v1 needs more memory than one job may use (3072 MiB); raise the memory"
                        + " limit per job or work on a smaller part of the data");
        assertThatThrownBy(() -> new DatasetStore(temp.resolve("z"), allocator, clock, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
