package dev.burnrate.engine.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.store.FileImports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An import whose caller gives up while it reads (the user left the page; the progress callback says so by
 * throwing {@link CancellationException}) ends with that exception, not with a rejection report about the file,
 * and leaves nothing: no version, no staging files, no dataset folder.
 */
class CancelledImportTest extends AllocatorTestBase {

    @Test
    void aCancelledImportEndsAsCancelledAndLeavesNothing() throws IOException {
        // the first progress report, whichever phase: every one comes from inside the import
        ImportProgress leaveAtOnce = (phase, rows, fraction) -> {
            throw new CancellationException("the user left the page");
        };

        assertThatThrownBy(() -> new FileImports(store).stage("ds", sample(), "sample.csv", SourceFormat.CSV,
                ImportOptions.defaults(), "tester", leaveAtOnce))
                .isInstanceOf(CancellationException.class).hasMessage("the user left the page");

        assertThat(store.versions("ds")).isEmpty();
        try (Stream<Path> s = Files.list(store.root())) {
            assertThat(s.toList()).as("no dataset folder and no staging files").isEmpty();
        }
    }
}
