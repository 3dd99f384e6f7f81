package dev.burnrate.portal.usagesource;

import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageSourceException;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.usagesource.UsageSourceRun.Status;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What one run of a usage source does. A plugin's source: fetch its batch, append the rows as one new version of
 * the target dataset (the usage import's own all-or-nothing append, validated and audited like any import), then
 * let the source remember the batch; a batch that was not stored is not acknowledged, so the next run fetches it
 * again. A built-in file source: import its next file exactly as an upload, then move the file aside.
 */
@Component
class UsageSourceImport {
    private static final Logger log = LoggerFactory.getLogger(UsageSourceImport.class);

    private final AvailableUsageSources sources;
    private final UsageImportService imports;

    UsageSourceImport(AvailableUsageSources sources, UsageImportService imports) {
        this.sources = sources;
        this.imports = imports;
    }

    record Outcome(Status status, long rows, String versionKey, String message) {
    }

    Outcome run(UsageSourceConfig config) {
        Optional<AvailableUsageSources.Found> found = sources.find(config.sourceId());
        if (found.isEmpty()) {
            return new Outcome(Status.FAILED, 0, null, "The source '" + config.sourceId()
                    + "' is not available: its plugin (" + config.pluginId() + ") is not installed or not started.");
        }
        if (found.get().files() != null) {
            return importNextFile(config, found.get().files());
        }
        var source = found.get().source();
        UsageBatch batch;
        try {
            batch = source.fetchUsage();
        } catch (UsageSourceException e) {
            return new Outcome(Status.FAILED, 0, null, "The source could not deliver usage: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Usage source {} failed", config.sourceId(), e);
            return new Outcome(Status.FAILED, 0, null, "The source failed: " + describe(e));
        }
        if (batch == null) {
            return new Outcome(Status.FAILED, 0, null, "The source answered with no batch (null).");
        }
        Outcome imported = importBatch(config, batch);
        if (!imported.status.delivered()) {
            return imported;
        }
        if (batch.isEmpty()) {
            return imported;
        }
        try {
            source.acknowledge(batch);
            return imported;
        } catch (RuntimeException e) {
            log.warn("Usage source {} failed to acknowledge its batch", config.sourceId(), e);
            return new Outcome(imported.status, imported.rows, imported.versionKey, imported.message
                    + " The source failed to remember the batch (" + describe(e)
                    + "); its next run may deliver these rows again.");
        }
    }

    /** One file through the upload's importer: a new version holding the file's full FOCUS columns. */
    private Outcome importNextFile(UsageSourceConfig config, BuiltinFileSource files) {
        Path file;
        try {
            Optional<Path> next = files.nextFile();
            if (next.isEmpty()) {
                return new Outcome(Status.NOTHING_NEW, 0, null, "Nothing new (no file waits).");
            }
            file = next.get();
        } catch (UsageSourceException e) {
            return new Outcome(Status.FAILED, 0, null, "The source could not deliver usage: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        ImportResult result;
        try {
            // the upload's default: rows with errors are quarantined (kept aside, counted), fatal problems reject
            result = imports.importFile(config.dataset(), file, name, ValidationMode.LENIENT, "team");
        } catch (RuntimeException e) {
            log.warn("Import of {} into {} failed", name, config.dataset(), e);
            return new Outcome(Status.FAILED, 0, null, "The import of " + name + " failed and stored nothing: "
                    + describe(e));
        }
        long rows = result.report().rowsRead();
        Outcome outcome = switch (result.status()) {
            case CREATED -> new Outcome(Status.IMPORTED, rows, result.version().orElseThrow().versionId(),
                    "Imported " + name + " (" + result.report().rowsAccepted() + " rows" + quarantined(result)
                            + ").");
            case DUPLICATE -> new Outcome(Status.DUPLICATE, rows, result.version().map(v -> v.versionId())
                    .orElse(null), name + " equals a version already stored; nothing new was stored.");
            case REJECTED -> new Outcome(Status.REJECTED, rows, null, name + " was rejected and nothing was "
                    + "stored: " + result.report().rejectionReason());
        };
        try {
            files.settle(file, outcome.status.delivered());
            return outcome;
        } catch (UsageSourceException e) {
            return new Outcome(outcome.status, outcome.rows, outcome.versionKey, outcome.message + " "
                    + e.getMessage() + "; it may be read again next run.");
        }
    }

    private Outcome importBatch(UsageSourceConfig config, UsageBatch batch) {
        int rows = batch.records().size();
        if (rows == 0) {
            return new Outcome(Status.NOTHING_NEW, 0, null, "Nothing new (" + batch.description() + ").");
        }
        ImportResult result;
        try {
            result = imports.appendOrCreate(config.dataset(), "Usage from source " + config.sourceId(),
                    batch.records(), "usage-source " + config.sourceId() + ": " + batch.description(), "team", true);
        } catch (RuntimeException e) {
            log.warn("Import of usage source {} into {} failed", config.sourceId(), config.dataset(), e);
            return new Outcome(Status.FAILED, rows, null, "The import failed and stored nothing: " + describe(e));
        }
        return switch (result.status()) {
            case CREATED -> new Outcome(Status.IMPORTED, rows, result.version().orElseThrow().versionId(),
                    "Imported " + rows + " rows (" + batch.description() + ").");
            case DUPLICATE -> new Outcome(Status.DUPLICATE, rows, result.version().map(v -> v.versionId())
                    .orElse(null), "The rows equal the dataset's newest version; nothing new was stored.");
            case REJECTED -> new Outcome(Status.REJECTED, rows, null, "The rows were rejected and nothing was "
                    + "stored: " + result.report().rejectionReason());
        };
    }

    private static String quarantined(ImportResult result) {
        long rows = result.report().rowsQuarantined();
        return rows == 0 ? "" : ", " + rows + " quarantined";
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
