package dev.burnrate.portal.usage;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.Command;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.base.ViewTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;

/**
 * One upload's import, run as a {@link ViewTask} (on the portal's work pool, as the uploader). It forwards the
 * engine's progress to the view at most every 200 ms and hands the result back through the task (push). The import
 * itself stays all-or-nothing: it is the service's single staged-then-published import. Leaving the page cancels it
 * at its next progress report while it still reads (the engine discards what it staged, nothing is recorded or
 * audited); once it is being published it completes, and only the updates are dropped.
 */
final class ImportJob implements ViewTask.Work<Void> {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);
    private static final long UPDATE_NANOS = 200_000_000L;

    private final UsageImportService service;
    private final File file;
    private final String fileName;
    private final String dataset;
    private final String tagKey;
    private final ValidationMode mode;
    private final Map<Rule, Severity> severities;
    private final ImportProgressPanel panel;
    private final BiConsumer<String, ImportResult> onResult;
    private final Runnable onEnd;
    private final long startNanos = System.nanoTime();
    private ViewTask task;
    private long lastUpdate;

    ImportJob(UsageImportService service, File file, String fileName, String dataset, String tagKey,
              ValidationMode mode, Map<Rule, Severity> severities, ImportProgressPanel panel,
              BiConsumer<String, ImportResult> onResult,
              Runnable onEnd) {
        this.service = service;
        this.file = file;
        this.fileName = fileName;
        this.dataset = dataset;
        this.tagKey = tagKey.isEmpty() ? "team" : tagKey;
        this.mode = mode;
        this.severities = Map.copyOf(severities);
        this.panel = panel;
        this.onResult = onResult;
        this.onEnd = onEnd;
    }

    @Override
    public Void run(ViewTask task) {
        this.task = task;
        // Replaced below unless an Error (not an exception) ends the import: the page must still stop "importing".
        Command outcome = () -> error("The import failed and stored nothing.");
        try {
            ImportResult result = service.importFile(dataset, file.toPath(), fileName, mode, severities, tagKey,
                    this::progress);
            outcome = () -> onResult.accept(dataset, result);
        } catch (CancellationException e) {
            // the user left the page: the import stopped before anything was stored (the task shows nothing)
            throw e;
        } catch (IllegalArgumentException e) {
            outcome = () -> error(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Import of {} into {} failed", fileName, dataset, e);
            outcome = () -> error("The import failed and stored nothing: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            // The outcome and the end in one UI update: the page never shows the result while still "importing".
            Command shown = outcome;
            task.show(() -> {
                shown.execute();
                onEnd.run();
            });
        }
        return null;
    }

    /** Called on the importing thread; phase changes always go through, row counts at most every 200 ms. */
    private void progress(ImportProgress.Phase phase, long rows, double fraction) {
        // Leaving the page stops the import here, while it still reads: the engine discards what it staged.
        task.checkCancelled();
        long now = System.nanoTime();
        if (phase == ImportProgress.Phase.READING && rows > 0 && now - lastUpdate < UPDATE_NANOS) {
            return;
        }
        lastUpdate = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        long rowsPerSecond = Math.round(rows / seconds);
        task.show(() -> panel.show(phase, rows, fraction, rowsPerSecond));
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
