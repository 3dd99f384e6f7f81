package dev.burnrate.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.plugins.support.catalog.OfferingAssembler;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import org.junit.jupiter.api.Test;

class AwsCatalogTest {
    private final ProviderCatalog catalog = new AwsProvider().catalog();

    private Offering offering(String region, String type) {
        return catalog.offering("aws/" + region + "/" + type).orElseThrow();
    }

    @Test
    void collapsesAvailabilityZonesIntoRegionalOfferings() {
        // 300 rows over 17 regions become one offering per instance type and region.
        assertThat(catalog.offerings()).hasSize(128);
        assertThat(catalog.regions()).hasSize(17);
        // p5.48xlarge in us-east-1 is listed per AZ with different spot prices; the lowest is kept.
        Offering p5 = offering("us-east-1", "p5.48xlarge");
        assertThat(p5.acceleratorName()).isEqualTo("H100");
        assertThat(p5.acceleratorCount()).isEqualTo(8);
        assertThat(p5.vcpus()).isEqualTo(192);
        assertThat(p5.prices().onDemand()).isEqualTo(55.04);
        assertThat(p5.prices().spot()).isEqualTo(16.9508);
    }

    @Test
    void gpuInfoPythonDictsAgreeWithTheColumns() {
        Offering p4de = offering("us-west-2", "p4de.24xlarge");
        // GpuInfo says 'A100' with 81920 MiB; the columns say A100-80GB: the same part, no disagreement noted.
        assertThat(p4de.acceleratorName()).isEqualTo("A100-80GB");
        assertThat(catalog.report().count(AwsCatalog.GPU_INFO_DISAGREES)).isZero();
        assertThat(offering("us-east-1", "g5.12xlarge").acceleratorName()).isEqualTo("A10G");
        assertThat(offering("us-east-1", "a1.large").hasAccelerator()).isFalse();
    }

    @Test
    void keepsRealQuirksAndDerivesCommittedPrices() {
        // a1 spot prices equal on-demand in the catalog: kept (and noted), not "fixed".
        Offering a1 = offering("ap-northeast-1", "a1.2xlarge");
        assertThat(a1.prices().spot()).isEqualTo(a1.prices().onDemand());
        assertThat(catalog.report().count(OfferingAssembler.SPOT_NOT_CHEAPER)).isPositive();
        assertThat(catalog.report().count(SkyPilotCatalogReader.DUPLICATE)).isZero();
        // Empty spot cells mean no spot offer.
        assertThat(catalog.offerings()).anyMatch(o -> o.prices().spot() == null);
        assertThat(a1.prices().committed1y()).isCloseTo(a1.prices().onDemand() * 0.6, within(1e-5));
        assertThat(a1.prices().committed3y()).isCloseTo(a1.prices().onDemand() * 0.4, within(1e-5));
        assertThat(a1.prices().committedSource()).startsWith("derived").contains("aws.amazon.com");
    }

    @Test
    void regionsCarryJurisdictionAndComplianceFacts() {
        Region frankfurt = catalog.region("eu-central-1").orElseThrow();
        assertThat(frankfurt.name()).isEqualTo("Europe (Frankfurt)");
        assertThat(frankfurt.geography()).isEqualTo("DE");
        assertThat(frankfurt.jurisdiction()).isEqualTo("EU");
        assertThat(frankfurt.compliance().gdprAdequate()).isTrue();
        Region london = catalog.region("eu-west-2").orElseThrow();
        assertThat(london.jurisdiction()).isEqualTo("UK");
        Region virginia = catalog.region("us-east-1").orElseThrow();
        assertThat(virginia.compliance().gdprAdequate()).isFalse();
        assertThat(virginia.compliance().hipaaEligible()).isTrue();
    }
}
