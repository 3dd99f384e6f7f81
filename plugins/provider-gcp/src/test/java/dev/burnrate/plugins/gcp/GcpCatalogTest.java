package dev.burnrate.plugins.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import java.util.Optional;
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

    @Test
    void attachmentsWithoutHostRowsAreLeftOutAndReported() {
        // The slice has L4, H200, B200 and H100-MEGA attachment rows but none of their host machine types.
        assertThat(catalog.offerings()).noneMatch(o -> "L4".equals(o.acceleratorName())
                || "H200".equals(o.acceleratorName()) || "B200".equals(o.acceleratorName()));
        assertThat(catalog.report().notes()).filteredOn(n -> n.kind().equals(GcpCatalog.NO_HOST))
                .anySatisfy(n -> assertThat(n.message()).startsWith("H200 x8"))
                .anySatisfy(n -> assertThat(n.message()).startsWith("B200 x8"));
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
}
