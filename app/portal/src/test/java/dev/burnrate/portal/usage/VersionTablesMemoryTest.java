package dev.burnrate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.security.CurrentUser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read past the memory limit per job fails with a message naming the limit and gives its memory back. */
class VersionTablesMemoryTest {

    @TempDir
    Path temp;

    private final BufferAllocator root = new RootAllocator();

    @AfterEach
    void closeRoot() {
        root.close(); // throws when anything leaked
    }

    @Test
    void aReadPastTheLimitPerJobSaysSoAndLeavesNoMemoryAllocated() throws Exception {
        Path csv = temp.resolve("sample.csv");
        try (InputStream in = getClass().getResourceAsStream("/usage/focus_1.0_sample_500.csv")) {
            Files.copy(in, csv);
        }
        String version;
        try (DatasetStore unlimited = new DatasetStore(temp.resolve("store"), root, Clock.systemUTC())) {
            version = new FileImports(unlimited).importFile("costs", csv, "sample.csv", SourceFormat.CSV,
                    ImportOptions.defaults().withMode(ValidationMode.LENIENT), "tester").version().orElseThrow()
                    .versionId();
        }
        try (DatasetStore limited = new DatasetStore(temp.resolve("store"), root, Clock.systemUTC(), 4096, 4)) {
            VersionTables tables = new VersionTables(mock(UsageRepository.class), limited, new QueryEngine(),
                    mock(CurrentUser.class));
            VersionSummary summary = new VersionSummary(version, "costs", null, null, null, null, null, null, null,
                    0, 0, 0, 0, null, null, List.of(), null, 0, List.of(), false);

            assertThatThrownBy(() -> tables.withTable(summary, UsageTable::rowCount))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("reading version " + version + " needs more memory than one job may use (1 MiB);"
                            + " raise the memory limit per job or work on a smaller part of the data");
            assertThat(root.getAllocatedMemory()).isZero();
        }
    }
}
