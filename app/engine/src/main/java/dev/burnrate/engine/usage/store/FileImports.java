package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.ingest.ArrowIpcSource;
import dev.burnrate.engine.usage.ingest.CsvFocusSource;
import dev.burnrate.engine.usage.ingest.FocusSource;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.ingest.ImportSession;
import dev.burnrate.engine.usage.ingest.ParquetSource;
import dev.burnrate.engine.usage.ingest.SourceFormat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Imports a file of any supported format into a dataset, recording its name and SHA-256 in the lineage. CSV and
 * Arrow streams are hashed while they are read; formats that need random access are hashed in a first pass.
 */
public final class FileImports {

    private final DatasetStore store;

    public FileImports(DatasetStore store) {
        this.store = store;
    }

    /** Imports and publishes. */
    public ImportResult importFile(String datasetId, Path file, String displayName, SourceFormat format,
                                   ImportOptions options, String actor) {
        try (StagedVersion staged = stage(datasetId, file, displayName, format, options, actor)) {
            return staged.publish();
        }
    }

    /** Imports into a staged, not yet visible version (publish it inside the database transaction). */
    public StagedVersion stage(String datasetId, Path file, String displayName, SourceFormat format,
                               ImportOptions options, String actor) {
        return stage(datasetId, file, displayName, format, options, actor, ImportProgress.NONE);
    }

    /**
     * As {@link #stage(String, Path, String, SourceFormat, ImportOptions, String)}, reporting progress. Streamed
     * formats (CSV, Arrow stream) report the share of the file's bytes read; formats read twice report the
     * hashing pass by bytes, then the share their readers know up front (Parquet's row count, an Arrow file's
     * record batches).
     */
    public StagedVersion stage(String datasetId, Path file, String displayName, SourceFormat format,
                               ImportOptions options, String actor, ImportProgress progress) {
        try {
            long size = Math.max(1, Files.size(file));
            if (format == SourceFormat.CSV || format == SourceFormat.ARROW_STREAM) {
                MessageDigest digest = DigestingChannel.sha256();
                try (CountingInputStream counted = new CountingInputStream(new DigestInputStream(
                        new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest))) {
                    FocusSource source = format == SourceFormat.CSV ? new CsvFocusSource(counted)
                            : ArrowIpcSource.stream(counted);
                    ImportProgress byBytes = (phase, rows, fraction) -> progress.update(phase, rows,
                            fraction >= 0 ? fraction : Math.min(1.0, counted.count() / (double) size));
                    return store.stage(datasetId, new HashedSource(source, digest), lineage(displayName,
                            null, format, actor), options, byBytes);
                }
            }
            String sha = sha256(file, read -> progress.update(ImportProgress.Phase.HASHING, 0, read / (double) size));
            FocusSource source = format == SourceFormat.ARROW_FILE ? ArrowIpcSource.file(file) : new ParquetSource(file);
            return store.stage(datasetId, source, lineage(displayName, sha, format, actor), options, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName, e);
        }
    }

    private Lineage lineage(String name, String sha, SourceFormat format, String actor) {
        return new Lineage(Transform.IMPORT, name, sha, format.id(), List.of(), actor, store.clock().instant(), "");
    }

    public static String sha256(Path file) throws IOException {
        return sha256(file, read -> { });
    }

    /** Hashes a file, telling {@code bytesRead} every 64 MiB. */
    private static String sha256(Path file, LongConsumer bytesRead) throws IOException {
        MessageDigest digest = DigestingChannel.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                total += n;
                if ((total & ((1 << 26) - 1)) < n) {
                    bytesRead.accept(total);
                }
            }
            bytesRead.accept(total);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Wraps a streamed source so the lineage gets the hash of all bytes once reading is over. The store builds
     * the manifest after {@link #readInto}, so the hash is filled in before it is needed.
     */
    static final class HashedSource implements FocusSource {
        private final FocusSource delegate;
        private final MessageDigest digest;
        private String hex;

        HashedSource(FocusSource delegate, MessageDigest digest) {
            this.delegate = delegate;
            this.digest = digest;
        }

        @Override
        public String format() {
            return delegate.format();
        }

        @Override
        public void readInto(ImportSession session) throws IOException {
            delegate.readInto(session);
            hex = HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public java.util.Optional<String> sourceSha256() {
            return java.util.Optional.ofNullable(hex);
        }
    }
}
