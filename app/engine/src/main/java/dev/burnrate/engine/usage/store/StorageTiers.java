package dev.burnrate.engine.usage.store;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves versions between the hot tier (uncompressed, memory-mapped) and the cold tier (ZSTD-compressed IPC
 * buffers). A move rewrites the same batches and dictionaries with another codec into a temporary file, renames
 * it into place atomically and only then deletes the old file; a crash in between leaves the old tier intact.
 * Moving back to hot reproduces the original bytes, so the content hash is checked after the round trip.
 */
public final class StorageTiers {

    private final DatasetStore store;

    public StorageTiers(DatasetStore store) {
        this.store = store;
    }

    /** Compresses a hot version; a no-op when it is already cold. */
    public void moveToCold(String datasetId, String versionId) throws IOException {
        if (store.tier(datasetId, versionId) == Tier.COLD) {
            return;
        }
        rewrite(datasetId, versionId, DatasetStore.COLD_FILE, VersionFileWriter.Codec.ZSTD);
    }

    /** Brings a cold version back to the hot tier and checks its hash equals the recorded content hash. */
    public void moveToHot(String datasetId, String versionId) throws IOException {
        if (store.tier(datasetId, versionId) == Tier.HOT) {
            return;
        }
        String sha = rewrite(datasetId, versionId, DatasetStore.HOT_FILE, VersionFileWriter.Codec.NONE);
        String expected = store.version(datasetId, versionId).orElseThrow().contentSha256();
        if (!sha.equals(expected)) {
            throw new IOException("restored version " + versionId + " has hash " + sha + " but " + expected
                    + " was recorded; the cold copy is kept");
        }
    }

    /** Moves every hot version created more than {@code age} ago to cold; returns the ids moved. */
    public List<String> applyRule(Duration age) throws IOException {
        Instant cutoff = store.clock().instant().minus(age);
        List<String> moved = new ArrayList<>();
        for (String dataset : store.datasets()) {
            for (VersionManifest v : store.versions(dataset)) {
                if (v.createdAt().isBefore(cutoff) && store.tier(dataset, v.versionId()) == Tier.HOT) {
                    moveToCold(dataset, v.versionId());
                    moved.add(v.versionId());
                }
            }
        }
        return moved;
    }

    /** Bytes on disk of a version's data in its current tier. */
    public long sizeOnDisk(String datasetId, String versionId) throws IOException {
        return Files.size(store.dataFile(datasetId, versionId));
    }

    private String rewrite(String datasetId, String versionId, String targetName, VersionFileWriter.Codec codec)
            throws IOException {
        Path dir = store.versionDir(datasetId, versionId);
        Path source = store.dataFile(datasetId, versionId);
        Path temp = dir.resolve(targetName + ".tmp");
        Files.deleteIfExists(temp);
        String sha;
        try (BufferAllocator job = store.newJobAllocator("tier-" + versionId);
             UsageTable table = store.open(datasetId, versionId, job)) {
            try (VersionFileWriter writer = new VersionFileWriter(
                    dev.burnrate.engine.usage.schema.StoredSchema.of(table.columns()), temp, codec, job)) {
                for (int b = 0; b < table.batchCount(); b++) {
                    try (ArrowRecordBatch batch = new VectorUnloader(table.batch(b)).getRecordBatch()) {
                        new VectorLoader(writer.root()).load(batch);
                    }
                    writer.writeBatch();
                }
                Map<Integer, String[]> dictionaries = new HashMap<>();
                for (int c = 0; c < table.columns().size(); c++) {
                    if (table.dictionary(c) != null) {
                        dictionaries.put(c, table.dictionary(c));
                    }
                }
                sha = writer.finish(dictionaries);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, dir.resolve(targetName), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(source);
        return sha;
    }
}
