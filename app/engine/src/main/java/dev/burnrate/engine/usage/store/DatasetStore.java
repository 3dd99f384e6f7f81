package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.ingest.FocusSource;
import dev.burnrate.engine.usage.ingest.ImportAbortedException;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.ingest.ImportSession;
import dev.burnrate.engine.usage.ingest.WrittenVersion;
import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.ValidationReport;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Immutable, versioned FOCUS datasets on disk: {@code root/<dataset>/<version>/} holds {@code manifest.json},
 * the data ({@code data.arrow} when hot, {@code data.cold.arrow} when cold) and, after a lenient import with bad
 * rows, {@code quarantine.csv}.
 *
 * <p>Every import or transform is written into {@code root/<dataset>/.staging-*} and becomes visible by one
 * atomic directory rename. A crash before the rename leaves only a staging directory, which no listing shows and
 * the next start deletes.
 *
 * <p>Every job (an import, a transform, a query) gets a child allocator limited to {@code jobMemoryLimit} bytes, so
 * one big job fails with a clear message instead of taking the memory of all others. Hot files are memory-mapped
 * once and shared (see {@link MappedFiles}); closing the store unmaps them.
 */
public final class DatasetStore implements AutoCloseable {

    /** Hot version files kept mapped when no table uses them. */
    public static final int DEFAULT_MAPPED_FILES = 64;

    public static final String MANIFEST = "manifest.json";
    static final String HOT_FILE = ImportSession.DATA_FILE;
    static final String COLD_FILE = "data.cold.arrow";
    private static final String STAGING_PREFIX = ".staging-";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final BufferAllocator allocator;
    private final Clock clock;
    private final long jobMemoryLimit;
    private final MappedFiles mappings;

    /** Opens (or creates) a store without a memory limit per job (tests, tools). */
    public DatasetStore(Path root, BufferAllocator allocator, Clock clock) throws IOException {
        this(root, allocator, clock, Long.MAX_VALUE, DEFAULT_MAPPED_FILES);
    }

    /**
     * Opens (or creates) a store and removes what crashed imports left behind.
     *
     * @param jobMemoryLimit the Arrow memory (bytes) one job may use, mapped hot files included
     * @param mappedFiles    hot version files kept mapped for the next query
     */
    public DatasetStore(Path root, BufferAllocator allocator, Clock clock, long jobMemoryLimit, int mappedFiles)
            throws IOException {
        if (jobMemoryLimit < 1) {
            throw new IllegalArgumentException("the memory limit per job must be positive, not " + jobMemoryLimit);
        }
        this.root = Files.createDirectories(root);
        this.allocator = allocator;
        this.clock = clock;
        this.jobMemoryLimit = jobMemoryLimit;
        this.mappings = new MappedFiles(mappedFiles);
        removeStaleStaging();
    }

    /** A child allocator for one job, limited to the store's memory limit per job; the caller closes it. */
    public BufferAllocator newJobAllocator(String name) {
        return allocator.newChildAllocator(name, 0, jobMemoryLimit);
    }

    /** The Arrow memory one job may use, in bytes. */
    public long jobMemoryLimit() {
        return jobMemoryLimit;
    }

    MappedFiles mappings() {
        return mappings;
    }

    /** Unmaps the shared mappings (a table still open keeps its mapping until it is closed). */
    @Override
    public void close() {
        mappings.close();
    }

    public Path root() {
        return root;
    }

    Clock clock() {
        return clock;
    }

    BufferAllocator allocator() {
        return allocator;
    }

    private void removeStaleStaging() throws IOException {
        try (Stream<Path> datasets = Files.list(root)) {
            for (Path d : datasets.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(d)) {
                    for (Path p : entries.toList()) {
                        if (p.getFileName().toString().startsWith(STAGING_PREFIX)) {
                            deleteTree(p);
                        }
                    }
                }
            }
        }
    }

    /** Imports and publishes in one step (see {@link #stage} for the two-step form). */
    public ImportResult importSource(String datasetId, FocusSource source, Lineage lineage, ImportOptions options) {
        try (StagedVersion staged = stage(datasetId, source, lineage, options)) {
            return staged.publish();
        }
    }

    /**
     * Reads and validates a source and writes the version files into a staging directory. Rejected and duplicate
     * imports are settled here and leave nothing behind.
     */
    public StagedVersion stage(String datasetId, FocusSource source, Lineage lineage, ImportOptions options) {
        return stage(datasetId, source, lineage, options, ImportProgress.NONE);
    }

    /** As {@link #stage(String, FocusSource, Lineage, ImportOptions)}, reporting progress while it reads. */
    public StagedVersion stage(String datasetId, FocusSource source, Lineage lineage, ImportOptions options,
                               ImportProgress progress) {
        checkId(datasetId);
        Path staging = createStaging(datasetId);
        boolean keep = false;
        try (BufferAllocator job = newJobAllocator("import-" + datasetId)) {
            ImportSession session = new ImportSession(options, staging, job, progress);
            try {
                source.readInto(session);
                if (!session.hasFatal()) {
                    session.finish();
                }
            } catch (ImportAbortedException e) {
                session.fatal(e.rule(), e.line(), e.column(), e.getMessage());
            } catch (CancellationException e) {
                // the caller gave up (the user left the page): not a problem of the file, so no report; the
                // staging folder is discarded below like a rejected import's
                throw e;
            } catch (OutOfMemoryException e) {
                session.fatal(Rule.UNREADABLE, 0, null, overLimit("the import"));
            } catch (IOException | RuntimeException e) {
                session.fatal(Rule.UNREADABLE, 0, null, "cannot read the " + source.format() + " source: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } finally {
                session.close();
            }
            ValidationReport report = session.report();
            Optional<WrittenVersion> written = session.written();
            if (report.rejected() || written.isEmpty()) {
                return new StagedVersion(this, staging, null, report,
                        new ImportResult(ImportResult.Status.REJECTED, Optional.empty(), report));
            }
            Lineage hashed = lineage.sourceSha256() == null && source.sourceSha256().isPresent()
                    ? new Lineage(lineage.transform(), lineage.sourceFileName(), source.sourceSha256().get(),
                            lineage.sourceFormat(), lineage.parents(), lineage.actor(), lineage.at(), lineage.detail())
                    : lineage;
            VersionManifest manifest = manifest(datasetId, written.get(), hashed);
            Optional<VersionManifest> same = findByContent(datasetId, manifest.contentSha256());
            if (same.isPresent()) {
                return new StagedVersion(this, staging, null, report,
                        new ImportResult(ImportResult.Status.DUPLICATE, same, report));
            }
            Files.writeString(staging.resolve(MANIFEST), manifest.toJson(), StandardCharsets.UTF_8);
            keep = true;
            return new StagedVersion(this, staging, manifest, report, null);
        } catch (IOException e) {
            throw new UncheckedIOException("import into " + datasetId + " failed", e);
        } finally {
            if (!keep) {
                discard(staging);
            }
        }
    }

    private VersionManifest manifest(String datasetId, WrittenVersion w, Lineage lineage) {
        String versionId = VERSION_TIME.format(clock.instant()) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        return new VersionManifest(datasetId, versionId, clock.instant(), w.sha256(), w.rows(), w.totals(),
                w.from(), w.to(), w.providers(), w.columns().stream().map(FocusColumn::id).toList(),
                w.quarantinedRows(), lineage);
    }

    synchronized ImportResult publish(Path staging, VersionManifest manifest, ValidationReport report)
            throws IOException {
        Optional<VersionManifest> same = findByContent(manifest.datasetId(), manifest.contentSha256());
        if (same.isPresent()) {
            discard(staging);
            return new ImportResult(ImportResult.Status.DUPLICATE, same, report);
        }
        Path target = versionDir(manifest.datasetId(), manifest.versionId());
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        return new ImportResult(ImportResult.Status.CREATED, Optional.of(manifest), report);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    /**
     * A fresh staging directory inside the dataset's directory. A rejected import of another thread may remove
     * the dataset directory between the two steps when it was empty ({@link #discard}), so this tries again.
     */
    private Path createStaging(String datasetId) {
        Path staging = root.resolve(datasetId).resolve(STAGING_PREFIX + UUID.randomUUID());
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(staging.getParent());
                return Files.createDirectory(staging);
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == 3) {
                    throw new UncheckedIOException("cannot create a staging directory under " + root, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a staging directory under " + root, e);
            }
        }
    }

    /**
     * Deletes a staging directory, and its dataset's directory when that is left empty: a rejected first import
     * of a dataset leaves no folder behind.
     */
    void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete staging directory " + staging, e);
        }
        try {
            Files.deleteIfExists(staging.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // the dataset has versions or another import is staging: the directory stays
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete empty dataset directory " + staging.getParent(), e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    private Optional<VersionManifest> findByContent(String datasetId, String sha) {
        return versions(datasetId).stream().filter(v -> v.contentSha256().equals(sha)).findFirst();
    }

    /** Dataset ids that have at least one published version. */
    public List<String> datasets() {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> !versions(p.getFileName().toString()).isEmpty())
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Published versions of a dataset, oldest first. */
    public List<VersionManifest> versions(String datasetId) {
        checkId(datasetId);
        Path dir = root.resolve(datasetId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<VersionManifest> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path v : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                Path m = v.resolve(MANIFEST);
                if (Files.isRegularFile(m)) {
                    out.add(readManifest(m));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list versions of " + datasetId, e);
        }
        out.sort(Comparator.comparing(VersionManifest::createdAt).thenComparing(VersionManifest::versionId));
        return out;
    }

    private static VersionManifest readManifest(Path file) throws IOException {
        try {
            return VersionManifest.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unreadable version manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<VersionManifest> version(String datasetId, String versionId) {
        return versions(datasetId).stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    Path versionDir(String datasetId, String versionId) {
        checkId(datasetId);
        checkId(versionId);
        return root.resolve(datasetId).resolve(versionId);
    }

    public Tier tier(String datasetId, String versionId) {
        return Files.exists(versionDir(datasetId, versionId).resolve(HOT_FILE)) ? Tier.HOT : Tier.COLD;
    }

    /** The file holding the version's data in its current tier. */
    public Path dataFile(String datasetId, String versionId) {
        Path dir = versionDir(datasetId, versionId);
        return tier(datasetId, versionId) == Tier.HOT ? dir.resolve(HOT_FILE) : dir.resolve(COLD_FILE);
    }

    /** The quarantined rows of a lenient import, if it had any. */
    public Optional<Path> quarantineFile(String datasetId, String versionId) {
        Path q = versionDir(datasetId, versionId).resolve(ImportSession.QUARANTINE_FILE);
        return Files.isRegularFile(q) ? Optional.of(q) : Optional.empty();
    }

    /** Opens a version for querying; hot versions are memory-mapped. The caller closes the table. */
    public UsageTable open(String datasetId, String versionId, BufferAllocator tableAllocator) throws IOException {
        if (version(datasetId, versionId).isEmpty()) {
            throw new IllegalArgumentException("no version " + versionId + " in dataset " + datasetId);
        }
        return tier(datasetId, versionId) == Tier.HOT
                ? VersionFiles.openMapped(dataFile(datasetId, versionId), tableAllocator, mappings)
                : VersionFiles.openDecompressed(dataFile(datasetId, versionId), tableAllocator);
    }

    /**
     * Removes a published version. Versions are immutable; this exists only to undo a publish whose database
     * commit failed, so the files never outlive the row that makes them visible.
     */
    public synchronized void unpublish(String datasetId, String versionId) throws IOException {
        deleteTree(versionDir(datasetId, versionId));
    }

    /** What to tell a user whose job ran out of its Arrow memory: which job, and the limit it hit. */
    public String overLimit(String job) {
        return job + " needs more memory than one job may use (" + mebibytes(jobMemoryLimit)
                + "); raise the memory limit per job or work on a smaller part of the data";
    }

    private static String mebibytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "no limit" : (bytes + (1 << 20) - 1) / (1 << 20) + " MiB";
    }

    /** Whether a name can be used as a dataset id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid id '" + id + "': use letters, digits, '.', '_' or '-'");
        }
    }
}
