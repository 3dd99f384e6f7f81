package dev.burnrate.plugins.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.plugins.support.catalog.OfferingAssembler;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AzureCatalogTest {
    private final ProviderCatalog catalog = new AzureProvider().catalog();

    private Optional<Offering> find(String region, String type) {
        return catalog.offering("azure/" + region + "/" + type);
    }

    @Test
    void readsPerRegionPricesAndAccelerators() {
        Offering a100 = find("eastus", "Standard_NC24ads_A100_v4").orElseThrow();
        assertThat(a100.acceleratorName()).isEqualTo("A100-80GB");
        assertThat(a100.acceleratorCount()).isEqualTo(1);
        assertThat(a100.vcpus()).isEqualTo(24);
        assertThat(a100.serviceName()).isEqualTo("Virtual Machines");
        assertThat(catalog.regions()).hasSize(8).allSatisfy(r -> assertThat(r.jurisdiction()).isEqualTo("US"));
    }

    @Test
    void correctsDocumentedAcceleratorErrorsAndSaysSo() {
        Offering nd = find("eastus", "Standard_ND96isr_H100_v5").orElseThrow();
        assertThat(nd.acceleratorCount()).as("ND H100 v5 has 8 GPUs, the catalog says 12").isEqualTo(8);
        Offering ncc = find("eastus2", "Standard_NCC40ads_H100_v5").orElseThrow();
        assertThat(ncc.acceleratorName()).isEqualTo("H100");
        assertThat(catalog.report().count(AzureCatalog.CORRECTED)).isEqualTo(4);
    }

    @Test
    void skipsUnpricedRowsAndAcceleratedSizesWithoutAcceleratorData() {
        // NV16as_v4 has no price in westus; NC16ads_A10_v4 names no accelerator anywhere.
        assertThat(find("westus", "Standard_NV16as_v4")).isEmpty();
        assertThat(find("westus3", "Standard_NC16ads_A10_v4")).isEmpty();
        assertThat(catalog.report().count(PricedRow.NO_PRICE)).isPositive();
        assertThat(catalog.report().count(AzureCatalog.UNKNOWN_ACCELERATOR)).isPositive();
        // CPU sizes (M-series) stay, with no accelerator.
        assertThat(find("westus", "Standard_M8ms")).hasValueSatisfying(o -> assertThat(o.hasAccelerator()).isFalse());
    }

    @Test
    void spotEqualToPayAsYouGoIsKept() {
        Offering nc = find("eastus", "Standard_NC40ads_H100_v5").orElseThrow();
        assertThat(nc.prices().spot()).isEqualTo(nc.prices().onDemand()).isEqualTo(6.98);
        assertThat(catalog.report().count(OfferingAssembler.SPOT_NOT_CHEAPER)).isPositive();
        // Promo rows without a spot price offer no spot.
        assertThat(find("westus2", "Standard_NC6_Promo")).hasValueSatisfying(o -> assertThat(o.prices().spot()).isNull());
    }
}
