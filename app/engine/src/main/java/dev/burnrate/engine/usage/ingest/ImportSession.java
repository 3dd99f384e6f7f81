package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.validation.IssueCollector;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationReport;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One import in progress: the source reports its header, then rows; the session validates them and writes the
 * version and quarantine files into a temporary directory. It never publishes anything: the store does that
 * after {@link #finish()}, or deletes the directory.
 */
public final class ImportSession implements AutoCloseable {

    public static final String DATA_FILE = "data.arrow";
    public static final String QUARANTINE_FILE = "quarantine.csv";

    private final ImportOptions options;
    private final IssueCollector issues;
    private final Path directory;
    private final BufferAllocator allocator;
    private ImportWriter writer;
    private RowAssembler assembler;
    private WrittenVersion written;
    private final ImportProgress progress;

    public ImportSession(ImportOptions options, Path directory, BufferAllocator allocator) {
        this(options, directory, allocator, ImportProgress.NONE);
    }

    public ImportSession(ImportOptions options, Path directory, BufferAllocator allocator, ImportProgress progress) {
        this.options = options;
        this.progress = progress;
        this.issues = new IssueCollector(options.mode(), options.maxReportedIssues(), options.severityOverrides());
        this.directory = directory;
        this.allocator = allocator;
    }

    public ImportOptions options() {
        return options;
    }

    /** The import's own allocator (a child of the store's), for sources that read Arrow data. */
    public BufferAllocator allocator() {
        return allocator;
    }

    /** Starts with columns already in stored order (a stored version being copied or transformed). */
    public RowAssembler startStored(List<FocusColumn> columns) throws IOException {
        return open(ColumnLayout.of(columns), columns.stream().map(FocusColumn::id).toList());
    }

    public ColumnLayout layoutFor(List<String> header) {
        return ColumnLayout.fromHeader(header, issues);
    }

    public RowAssembler open(ColumnLayout layout, List<String> header) throws IOException {
        writer = new ImportWriter(layout.columns(), directory.resolve(DATA_FILE), directory.resolve(QUARANTINE_FILE),
                header, options.batchSize(), allocator);
        assembler = new RowAssembler(layout.columns(), options, issues, writer);
        assembler.reportTo(progress);
        progress.update(ImportProgress.Phase.READING, 0, -1);
        return assembler;
    }

    /** Reports a problem that makes the whole file unreadable; the import will be rejected. */
    public void fatal(Rule rule, long line, String column, String message) {
        issues.report(new ValidationIssue(0, line, column, null, rule, Severity.FATAL, message));
    }

    public boolean hasFatal() {
        return issues.hasFatal();
    }

    /** Completes the files unless the import is rejected. */
    public void finish() throws IOException {
        if (assembler == null && !issues.hasFatal()) {
            fatal(Rule.EMPTY_FILE, 0, null, "the file is empty: no header line");
        }
        if (assembler != null && assembler.read() == 0 && !issues.hasFatal()) {
            fatal(Rule.EMPTY_FILE, 0, null, "the file has a header but no data rows");
        }
        if (report().rejected()) {
            return;
        }
        progress.update(ImportProgress.Phase.WRITING, assembler.read(), 1);
        written = writer.finish(assembler);
        progress.update(ImportProgress.Phase.DONE, assembler.read(), 1);
    }

    public ValidationReport report() {
        long read = assembler == null ? 0 : assembler.read();
        long quarantined = assembler == null ? 0 : assembler.quarantined();
        long accepted = written == null ? 0 : written.rows();
        return issues.toReport(read, accepted, quarantined);
    }

    /** The written version, present only when {@link #finish()} accepted the import. */
    public Optional<WrittenVersion> written() {
        return Optional.ofNullable(written);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
