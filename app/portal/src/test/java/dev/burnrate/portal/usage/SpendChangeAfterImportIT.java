package dev.burnrate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/**
 * A committed import stays a success when what runs after it fails: a spend-change listener that throws is logged,
 * and the import still reports the version it stored. Runs on the shared demo portal.
 */
class SpendChangeAfterImportIT extends BrowserTestBase {

    @Autowired UsageImportService imports;
    @Autowired UsageDatasetService datasets;
    @Autowired ApplicationEventMulticaster multicaster;

    @Test
    void aThrowingSpendListenerDoesNotTurnACommittedImportIntoAFailure() throws Exception {
        String dataset = "listener-fails";
        Path csv = Path.of("target", "it-data", "listener-fails-sample.csv");
        Files.createDirectories(csv.getParent());
        try (var in = SpendChangeAfterImportIT.class.getResourceAsStream("/usage/focus_1.0_sample_500.csv")) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }
        AtomicInteger fired = new AtomicInteger();
        ApplicationListener<ApplicationEvent> throwing = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof SpendChanged) {
                fired.incrementAndGet();
                throw new IllegalStateException("a spend listener broke");
            }
        };
        multicaster.addApplicationListener(throwing);
        try {
            ImportResult result = SystemRunner.callAsSystem(() -> imports.importFile(dataset, csv,
                    "listener-fails.csv", ValidationMode.LENIENT, "team"));

            assertThat(fired).as("the listener ran and threw").hasValue(1);
            assertThat(result.status()).isEqualTo(ImportResult.Status.CREATED);
            String version = result.version().orElseThrow().versionId();
            assertThat(SystemRunner.callAsSystem(() -> datasets.versions(dataset)))
                    .extracting(VersionSummary::key).contains(version);
        } finally {
            multicaster.removeApplicationListener(throwing);
            // the sample's spend must not move the demo budgets other browser tests read
            SystemRunner.runAsSystem(() -> datasets.setCountsTowardBudgets(dataset, false));
            Files.deleteIfExists(csv);
        }
    }
}
