package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.Transform;
import dev.burnrate.engine.usage.store.VersionManifest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code manifest.json} files already on disk must keep loading. The resource was written by the engine's
 * hand-written JSON writer (before Jackson) from a manifest with an open end ({@code to} null), a tiny and a huge
 * total, and is compared byte for byte with what the manifest writes now.
 */
class ManifestFormatTest extends AllocatorTestBase {

    private static final String OLD_MANIFEST = "/usage/manifest-written-before-jackson.json";

    @Test
    void readsAManifestWrittenBeforeJackson() throws IOException {
        VersionManifest m = VersionManifest.fromJson(oldManifest());

        assertThat(m.datasetId()).isEqualTo("billing");
        assertThat(m.versionId()).isEqualTo("v-1");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(m.rowCount()).isEqualTo(1234);
        assertThat(m.totals().billedCost()).isEqualTo(1234.5678);
        assertThat(m.totals().effectiveCost()).isEqualTo(1e-7);
        assertThat(m.totals().listCost()).isEqualTo(12345678901234.5);
        assertThat(m.totals().consumedQuantity()).isEqualTo(3.0e21);
        assertThat(m.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(m.to()).isNull();
        assertThat(m.providers()).containsExactly("AWS", "Microsoft");
        assertThat(m.columns()).containsExactly("BilledCost", "Tags");
        assertThat(m.quarantinedRows()).isEqualTo(2);
        assertThat(m.lineage().transform()).isEqualTo(Transform.IMPORT);
        assertThat(m.lineage().sourceFileName()).isEqualTo("aws-2026-01.csv");
        assertThat(m.lineage().parents()).isEmpty();
        assertThat(m.lineage().at()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void writesTheSameBytesAsBeforeJackson() throws IOException {
        String old = oldManifest();
        assertThat(VersionManifest.fromJson(old).toJson()).isEqualTo(old);
    }

    @Test
    void aStoreListsAVersionWhoseManifestWasWrittenBeforeJackson() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("store/billing/v-1"));
        Files.writeString(dir.resolve(DatasetStore.MANIFEST), oldManifest(), StandardCharsets.UTF_8);

        assertThat(store.versions("billing")).extracting(VersionManifest::versionId).containsExactly("v-1");
    }

    @Test
    void importedVersionsRoundTripThroughTheirManifest() throws IOException {
        Path csv = temp.resolve("costs.csv");
        SyntheticData.write(SyntheticData.spec(20, 10), csv);
        VersionManifest imported = importCsv("team", csv, ImportOptions.defaults()).version().orElseThrow();
        assertThat(store.versions("team")).containsExactly(imported);
    }

    @Test
    void aBadManifestNamesTheFieldAndTheFile() throws IOException {
        String noRowCount = oldManifest().replace("\"rowCount\":1234,", "");
        assertThatThrownBy(() -> VersionManifest.fromJson(noRowCount))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowCount");
        assertThatThrownBy(() -> VersionManifest.fromJson(oldManifest().replace("1234,", "12.5,")))
                .hasMessageContaining("field 'rowCount'").hasMessageContaining("line 1");
        assertThatThrownBy(() -> VersionManifest.fromJson(oldManifest().replace("\"actor\":\"ada\",", "")))
                .hasMessage("field 'lineage.actor' is missing");
        assertThatThrownBy(() -> VersionManifest.fromJson(oldManifest().replace("\"IMPORT\"", "\"COPY\"")))
                .hasMessageContaining("field 'lineage.transform'");
        assertThatThrownBy(() -> VersionManifest.fromJson(oldManifest().replace(",0.0,3.0E21", "")))
                .hasMessage("field 'totals': expected 5 numbers but found 3");

        Path dir = Files.createDirectories(temp.resolve("store/billing/v-2"));
        Files.writeString(dir.resolve(DatasetStore.MANIFEST), "{\"datasetId\":", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.versions("billing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable version manifest")
                .hasMessageContaining(dir.resolve(DatasetStore.MANIFEST).toString());
    }

    private static String oldManifest() throws IOException {
        try (InputStream in = ManifestFormatTest.class.getResourceAsStream(OLD_MANIFEST)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
