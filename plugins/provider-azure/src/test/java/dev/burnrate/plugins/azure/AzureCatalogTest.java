package dev.burnrate.plugins.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.CatalogRow;
import dev.burnrate.plugins.support.catalog.OfferingAssembler;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AzureCatalogTest {
    private final ProviderCatalog catalog = new AzureProvider().catalog();

    private Optional<Offering> find(String region, String type) {
        return catalog.offering("azure/" + region + "/" + type);
    }

    @Test
    void readsEveryRowOfTheBundledFilesPerAccelerator() {
        CatalogReport report = new CatalogReport("test");
        var rows = new SkyPilotCatalogReader().readResources(AzureCatalog.class, AzureCatalog.CATALOGS, report);
        // Rows per AcceleratorName in azure_vms_accelerators.csv, counted in the source file.
        assertThat(new TreeMap<>(rows.stream().filter(r -> r.acceleratorName() != null)
                .collect(Collectors.groupingBy(CatalogRow::acceleratorName, Collectors.counting()))))
                .isEqualTo(new TreeMap<>(Map.of("A10", 21L, "A100", 3L, "A100-80GB", 24L, "H100", 11L, "K80", 16L,
                        "M60", 21L, "Radeon MI25", 28L, "T4", 32L, "V100", 28L, "V100-32GB", 3L)));
        assertThat(rows.stream().filter(r -> r.acceleratorName() == null)).as("azure_vms_cpu_current.csv rows")
                .hasSize(297);
        assertThat(report.count(SkyPilotCatalogReader.DUPLICATE)).isZero();
    }

    @Test
    void offersEveryPricedSizeInEveryRegion() {
        // 480 priced (size, region) pairs; 4 rows have no price. 9 US regions (westcentralus only has CPU sizes).
        assertThat(catalog.offerings()).hasSize(480);
        assertThat(catalog.report().count(PricedRow.NO_PRICE)).isEqualTo(4);
        assertThat(catalog.report().count(OfferingAssembler.UNKNOWN_REGION)).isZero();
        Offering d8 = find("eastus", "Standard_D8s_v5").orElseThrow();
        assertThat(d8.hasAccelerator()).isFalse();
        assertThat(d8.prices().onDemand()).isEqualTo(0.384);
        assertThat(d8.prices().spot()).isEqualTo(0.04224);
        assertThat(find("westcentralus", "Standard_D16as_v5")).isPresent();
    }

    @Test
    void readsPerRegionPricesAndAccelerators() {
        Offering a100 = find("eastus", "Standard_NC24ads_A100_v4").orElseThrow();
        assertThat(a100.acceleratorName()).isEqualTo("A100-80GB");
        assertThat(a100.acceleratorCount()).isEqualTo(1);
        assertThat(a100.vcpus()).isEqualTo(24);
        assertThat(a100.serviceName()).isEqualTo("Virtual Machines");
        assertThat(catalog.regions()).hasSize(9).allSatisfy(r -> assertThat(r.jurisdiction()).isEqualTo("US"));
    }

    @Test
    void correctsDocumentedAcceleratorErrorsAndSaysSo() {
        Offering nd = find("eastus", "Standard_ND96isr_H100_v5").orElseThrow();
        assertThat(nd.acceleratorCount()).as("ND H100 v5 has 8 GPUs, the catalog says 12").isEqualTo(8);
        // One note per ND96isr_H100_v5 row (3 regions).
        assertThat(catalog.report().count(AzureCatalog.CORRECTED)).isEqualTo(3);
    }

    @Test
    void skipsUnpricedRows() {
        // NV16as_v4 has no price in westus. Accelerated sizes without accelerator data (NC*ads_A10_v4) are not in
        // the bundled accelerator file at all, so none is skipped for that reason.
        assertThat(find("westus", "Standard_NV16as_v4")).isEmpty();
        assertThat(catalog.report().count(PricedRow.NO_PRICE)).isPositive();
        assertThat(catalog.report().count(AzureCatalog.UNKNOWN_ACCELERATOR)).isZero();
    }

    @Test
    void spotEqualToPayAsYouGoIsKept() {
        Offering nc = find("eastus", "Standard_NC40ads_H100_v5").orElseThrow();
        assertThat(nc.prices().spot()).isEqualTo(nc.prices().onDemand()).isEqualTo(6.98);
        assertThat(catalog.report().count(OfferingAssembler.SPOT_NOT_CHEAPER)).isPositive();
        // Promo rows without a spot price offer no spot.
        assertThat(find("westus2", "Standard_NC6_Promo")).hasValueSatisfying(o -> assertThat(o.prices().spot()).isNull());
    }

    @Test
    void saysWhichCatalogEditionItShips() {
        assertThat(new AzureProvider().catalogEdition()).hasValueSatisfying(edition ->
                assertThat(edition.describe()).isEqualTo("SkyPilot v6 @ 098741e of 2026-12-07"));
    }
}
