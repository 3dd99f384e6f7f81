package dev.burnrate.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.CatalogRow;
import dev.burnrate.plugins.support.catalog.OfferingAssembler;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AwsCatalogTest {
    private final ProviderCatalog catalog = new AwsProvider().catalog();

    private Offering offering(String region, String type) {
        return catalog.offering("aws/" + region + "/" + type).orElseThrow();
    }

    /** Rows per AcceleratorName in aws_vms_accelerators.csv, counted in the source file (data/catalog/README). */
    private static final Map<String, Long> SOURCE_ROWS_PER_ACCELERATOR = new TreeMap<>(Map.ofEntries(
            Map.entry("A100", 29L), Map.entry("A100-80GB", 11L), Map.entry("A10G", 306L), Map.entry("B200", 8L),
            Map.entry("B300", 1L), Map.entry("Gaudi HL-205", 2L), Map.entry("H100", 55L), Map.entry("H200", 31L),
            Map.entry("Inferentia", 201L), Map.entry("Inferentia2", 119L), Map.entry("L4", 539L),
            Map.entry("L40S", 208L), Map.entry("RTXPRO6000", 84L), Map.entry("Radeon Pro V520", 110L),
            Map.entry("T4", 406L), Map.entry("T4g", 91L), Map.entry("Trainium", 18L), Map.entry("Trainium2", 4L),
            Map.entry("V100", 69L), Map.entry("V100-32GB", 7L), Map.entry("Virtex UltraScale (VU9P)", 44L),
            Map.entry("Virtex UltraScale+ (VU47P)", 44L)));

    @Test
    void readsEveryRowOfTheBundledFilesPerAccelerator() {
        CatalogReport report = new CatalogReport("test");
        var rows = new SkyPilotCatalogReader().readResources(AwsCatalog.class, AwsCatalog.CATALOGS, report);
        // g6f/gr6f rows offer a fraction of one L4: skipped, but noted, so every source row is accounted for.
        assertThat(report.count(SkyPilotCatalogReader.FRACTIONAL)).isEqualTo(155);
        Map<String, Long> perAccelerator = new TreeMap<>(rows.stream().filter(r -> r.acceleratorName() != null)
                .collect(Collectors.groupingBy(CatalogRow::acceleratorName, Collectors.counting())));
        perAccelerator.merge("L4", 155L, Long::sum);
        assertThat(perAccelerator).isEqualTo(SOURCE_ROWS_PER_ACCELERATOR);
        assertThat(rows.stream().filter(r -> r.acceleratorName() == null)).as("aws_vms_cpu_current.csv rows")
                .hasSize(6272);
        assertThat(report.summary()).contains((2387 + 6272) + " rows read");
    }

    @Test
    void collapsesAvailabilityZonesIntoRegionalOfferings() {
        // 8,504 priced whole-accelerator or CPU rows over 24 regions become one offering per instance type and
        // region; 33 rows without an on-demand price are skipped and noted.
        assertThat(catalog.offerings()).hasSize(2836);
        assertThat(catalog.regions()).hasSize(24);
        assertThat(catalog.report().count(PricedRow.NO_PRICE)).isEqualTo(33);
        assertThat(catalog.report().count("unknown-region")).isZero();
        // p5.48xlarge in us-east-1 is listed per AZ with different spot prices; the lowest is kept.
        Offering p5 = offering("us-east-1", "p5.48xlarge");
        assertThat(p5.acceleratorName()).isEqualTo("H100");
        assertThat(p5.acceleratorCount()).isEqualTo(8);
        assertThat(p5.vcpus()).isEqualTo(192);
        assertThat(p5.prices().onDemand()).isEqualTo(55.04);
        assertThat(p5.prices().spot()).isEqualTo(16.9508);
    }

    @Test
    void shipsTheAcceleratorsTheOldSliceLacked() {
        assertThat(offering("us-east-1", "p5en.48xlarge").acceleratorName()).isEqualTo("H200");
        assertThat(offering("us-east-1", "p5en.48xlarge").prices().onDemand()).isEqualTo(63.296);
        Offering trn1 = offering("us-east-1", "trn1.32xlarge");
        assertThat(trn1.acceleratorName()).isEqualTo("Trainium");
        assertThat(trn1.acceleratorCount()).isEqualTo(16);
        assertThat(trn1.prices().spot()).isEqualTo(3.0474);
        Offering g6 = offering("us-east-1", "g6.xlarge");
        assertThat(g6.acceleratorName()).isEqualTo("L4");
        assertThat(g6.prices().onDemand()).isEqualTo(0.8048);
        assertThat(offering("us-east-1", "inf2.48xlarge").acceleratorCount()).isEqualTo(12);
        Map<String, Long> offeringsPerAccelerator = catalog.offerings().stream()
                .map(Offering::acceleratorName).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // Every accelerator is offered except Trainium2: all 4 trn2 rows have an empty Price (noted, skipped).
        assertThat(offeringsPerAccelerator.keySet()).containsAll(SOURCE_ROWS_PER_ACCELERATOR.keySet().stream()
                .filter(name -> !name.equals("Trainium2")).toList()).doesNotContain("Trainium2");
        assertThat(catalog.report().notes()).filteredOn(n -> n.kind().equals(PricedRow.NO_PRICE)
                && n.message().startsWith("no on-demand price for trn2.")).hasSize(4)
                .allSatisfy(n -> assertThat(n.location()).startsWith("aws_vms_accelerators.csv:"));
    }

    @Test
    void gpuInfoPythonDictsAgreeWithTheColumns() {
        Offering p4de = offering("us-west-2", "p4de.24xlarge");
        // GpuInfo says 'A100' with 81920 MiB; the columns say A100-80GB: the same part, no disagreement noted
        // (likewise V100 with 32 GiB, and "RTX PRO Server 6000" for the columns' RTXPRO6000).
        assertThat(p4de.acceleratorName()).isEqualTo("A100-80GB");
        assertThat(catalog.report().count(AwsCatalog.GPU_INFO_DISAGREES)).isZero();
        assertThat(offering("us-east-1", "g5.12xlarge").acceleratorName()).isEqualTo("A10G");
        assertThat(offering("us-east-1", "p3dn.24xlarge").acceleratorName()).isEqualTo("V100-32GB");
        assertThat(offering("us-east-1", "g7e.2xlarge").acceleratorName()).isEqualTo("RTXPRO6000");
        assertThat(offering("us-east-1", "m7i.large").hasAccelerator()).isFalse();
    }

    @Test
    void keepsRealQuirksAndDerivesCommittedPrices() {
        // Spot prices at or above on-demand in the catalog are kept (and noted), not "fixed".
        assertThat(catalog.offerings()).anyMatch(o -> o.prices().spot() != null
                && o.prices().spot() >= o.prices().onDemand());
        assertThat(catalog.report().count(OfferingAssembler.SPOT_NOT_CHEAPER)).isPositive();
        Offering a1 = offering("ap-northeast-1", "m7g.2xlarge");
        assertThat(a1.prices().onDemand()).isEqualTo(0.4216);
        assertThat(a1.prices().spot()).isEqualTo(0.1691);
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

    @Test
    void saysWhichCatalogEditionItShips() {
        assertThat(new AwsProvider().catalogEdition()).hasValueSatisfying(edition ->
                assertThat(edition.describe()).isEqualTo("SkyPilot v9 @ 2c3d7ea of 2026-12-07"));
    }
}
