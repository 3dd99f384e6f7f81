package dev.burnrate.plugins.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.CatalogRow;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GcpCatalogTest {
    private final ProviderCatalog catalog = new GcpProvider().catalog();

    private Optional<Offering> find(String region, String type) {
        return catalog.offering("gcp/" + region + "/" + type);
    }

    private Offering offering(String region, String type) {
        return find(region, type).orElseThrow(() -> new AssertionError("no " + type + " in " + region));
    }

    @Test
    void gpuVmsCostTheHostRowPlusTheAcceleratorRow() {
        Offering h100 = offering("us-central1", "a3-highgpu-1g");
        assertThat(h100.acceleratorName()).isEqualTo("H100");
        assertThat(h100.acceleratorCount()).isEqualTo(1);
        assertThat(h100.vcpus()).isEqualTo(26);
        assertThat(h100.prices().onDemand()).isCloseTo(1.18251 + 4.20076, within(1e-9));
        // The attachment's spot price exceeds its on-demand price in the catalog; the sum is kept as is.
        assertThat(h100.prices().spot()).isCloseTo(0.64454 + 5.3387, within(1e-9));
        assertThat(h100.serviceName()).isEqualTo("Compute Engine");

        Offering edge = offering("us-east4", "a3-edgegpu-8g");
        assertThat(edge.acceleratorCount()).isEqualTo(8);
        assertThat(edge.prices().onDemand()).isCloseTo(9.46006 + 78.37241, within(1e-9));
        assertThat(offering("europe-west4", "a2-ultragpu-8g").acceleratorName()).isEqualTo("A100-80GB");
        assertThat(offering("europe-west4", "a2-megagpu-16g").acceleratorCount()).isEqualTo(16);
    }

    /** The accelerator, with TPU slice names grouped by generation ("tpu-v5p-128" counts as "tpu-v5p"). */
    private static String group(CatalogRow row) {
        String name = row.acceleratorName();
        if (name == null) {
            return "host";
        }
        return name.startsWith("tpu-") ? name.substring(0, name.lastIndexOf('-')) : name;
    }

    @Test
    void readsEveryRowOfTheBundledFilesPerAccelerator() {
        CatalogReport report = new CatalogReport("test");
        var rows = new SkyPilotCatalogReader().readResources(GcpCatalog.class, GcpCatalog.CATALOGS, report);
        // Counted in the source files: gcp_vms_accelerators.csv has 3,058 rows, of which 154 are verbatim repeats
        // (94 tpu-v5p, 52 tpu-v4, 8 tpu-v6e) that are dropped and noted; gcp_vms_cpu_current.csv has 2,976 hosts.
        assertThat(report.summary()).contains((3058 + 2976) + " rows read");
        assertThat(report.count(SkyPilotCatalogReader.DUPLICATE)).isEqualTo(154);
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(Map.entry("A100", 95L),
                Map.entry("A100-80GB", 28L), Map.entry("B200", 12L), Map.entry("H100", 116L),
                Map.entry("H100-MEGA", 29L), Map.entry("H200", 9L), Map.entry("L4", 176L), Map.entry("P100", 36L),
                Map.entry("P4", 51L), Map.entry("T4", 153L), Map.entry("V100", 48L), Map.entry("host", 657L + 2976L),
                Map.entry("tpu-v2", 13L), Map.entry("tpu-v3", 19L), Map.entry("tpu-v4", 104L - 52L),
                Map.entry("tpu-v5litepod", 208L), Map.entry("tpu-v5p", 1128L - 94L), Map.entry("tpu-v6e", 176L - 8L)));
        assertThat(new TreeMap<>(rows.stream().collect(Collectors.groupingBy(GcpCatalogTest::group,
                Collectors.counting())))).isEqualTo(expected);
    }

    @Test
    void hostsOfTheNewerAcceleratorsArePricedWithTheirAttachments() {
        Offering l4 = offering("us-central1", "g2-standard-4");
        assertThat(l4.acceleratorName()).isEqualTo("L4");
        assertThat(l4.prices().onDemand()).isCloseTo(0.14679 + 0.56004, within(1e-9));
        Offering h200 = offering("us-central1", "a3-ultragpu-8g");
        assertThat(h200.acceleratorName()).isEqualTo("H200");
        assertThat(h200.prices().onDemand()).isCloseTo(12.266 + 74.49392, within(1e-9));
        // a4 hosts are listed at 0.0: B200 is priced on its attachment row.
        Offering b200 = offering("us-central1", "a4-highgpu-8g");
        assertThat(b200.prices().onDemand()).isCloseTo(90.216, within(1e-9));
        assertThat(offering("us-central1", "a3-ultragpu-8g-nolssd").acceleratorName()).isEqualTo("H200");
        // Every accelerator host type is known, so none is shown as a CPU-only machine.
        assertThat(catalog.offerings()).filteredOn(o -> o.instanceType().matches("(a2|a3|a4|g2)-.*"))
                .allSatisfy(o -> assertThat(o.hasAccelerator()).as(o.key()).isTrue());
        assertThat(offering("us-central1", "n2-standard-8").hasAccelerator()).isFalse();
    }

    @Test
    void attachmentsWithoutHostRowsAreLeftOutAndReported() {
        // T4, V100, P100 and P4 attach to n1 hosts, which the bundled files do not hold: all their 288 rows are
        // noted; 34 more are zones where a newer accelerator's host type is not listed (e.g. A100 x16).
        assertThat(catalog.offerings()).noneMatch(o -> "T4".equals(o.acceleratorName())
                || "P4".equals(o.acceleratorName()));
        var noHost = catalog.report().notes().stream().filter(n -> n.kind().equals(GcpCatalog.NO_HOST)).toList();
        assertThat(noHost).hasSize(322).anySatisfy(n -> assertThat(n.message()).startsWith("A100 x16"))
                .allSatisfy(n -> assertThat(n.location()).startsWith("gcp_vms_accelerators.csv:"));
        assertThat(noHost).filteredOn(n -> n.message().matches("(T4|V100|P100|P4) x.*")).hasSize(153 + 48 + 36 + 51);
        assertThat(catalog.offerings()).noneMatch(o -> o.instanceType().isEmpty());
    }

    @Test
    void tpuSlicesCountChipsAndDropThe700Placeholder() {
        Offering v6e = offering("us-east5", "tpu-v6e-8");
        assertThat(v6e.acceleratorName()).isEqualTo("tpu-v6e");
        assertThat(v6e.acceleratorCount()).isEqualTo(8);
        assertThat(v6e.prices().onDemand()).isEqualTo(21.6);
        assertThat(v6e.serviceName()).isEqualTo("Cloud TPU");
        assertThat(v6e.prices().committed1y()).isCloseTo(21.6 * 0.70, within(1e-6));

        Offering v5p = offering("europe-west4", "tpu-v5p-12288");
        assertThat(v5p.acceleratorCount()).as("v5p sizes count TensorCores, two per chip").isEqualTo(6144);

        // asia-east1 lists tpu-v6e-8 only at the 700.0 placeholder: not offered there.
        assertThat(find("asia-east1", "tpu-v6e-8")).isEmpty();
        // southamerica-west1: a real on-demand price, placeholder spot.
        Offering chile = offering("southamerica-west1", "tpu-v6e-1");
        assertThat(chile.prices().onDemand()).isEqualTo(2.7);
        assertThat(chile.prices().spot()).isNull();
        assertThat(catalog.offerings()).noneMatch(o -> o.prices().onDemand() == 700.0
                || Double.valueOf(700.0).equals(o.prices().spot()));
        CatalogReport report = catalog.report();
        assertThat(report.count(SkyPilotCatalogReader.PLACEHOLDER)).isPositive();
        assertThat(report.count(SkyPilotCatalogReader.DUPLICATE)).isPositive();
        assertThat(report.count(PricedRow.NO_PRICE)).isPositive();
    }

    @Test
    void tpuNamesAreValidated() {
        assertThat(TpuSlice.parse("tpu-v6e-256")).isEqualTo(new TpuSlice("tpu-v6e", 256));
        assertThat(TpuSlice.parse("tpu-v5litepod-4")).isEqualTo(new TpuSlice("tpu-v5e", 4));
        assertThatThrownBy(() -> TpuSlice.parse("tpu-v5p-7")).hasMessageContaining("two per chip");
        assertThatThrownBy(() -> TpuSlice.parse("gpu-8")).hasMessageContaining("not a TPU slice");
    }

    @Test
    void everyCatalogRegionHasJurisdictionFacts() {
        assertThat(catalog.report().count("unknown-region")).isZero();
        assertThat(catalog.region("europe-west6").orElseThrow().jurisdiction()).isEqualTo("CH");
        assertThat(catalog.region("me-west1").orElseThrow().compliance().gdprAdequate()).isTrue();
        assertThat(catalog.region("europe-west4").orElseThrow().geography()).isEqualTo("NL");
    }

    @Test
    void saysWhichCatalogEditionItShips() {
        assertThat(new GcpProvider().catalogEdition()).hasValueSatisfying(edition ->
                assertThat(edition.describe()).isEqualTo("SkyPilot v9 @ 2c3d7ea of 2026-12-07"));
    }
}
