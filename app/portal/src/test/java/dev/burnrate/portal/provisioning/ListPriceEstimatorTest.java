package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.StorageOffering;
import org.junit.jupiter.api.Test;

class ListPriceEstimatorTest {

    /** p5.48xlarge in eu-north-1: $58.8928 on demand, $10.5722 spot (SkyPilot AWS catalog). */
    private final Offering p5 = new Offering("aws", "p5.48xlarge", "eu-north-1", "H100", 8, 192, 2048,
            "Amazon Elastic Compute Cloud", new Prices(58.8928, 10.5722, null, null, "catalog"));
    private final ListPriceEstimator estimator = new ListPriceEstimator();

    @Test
    void onDemandIsPriceTimesCountTimesHours() {
        Estimate e = estimator.estimate(p5, 2, PurchaseOption.ON_DEMAND, 72.0, false);

        assertThat(e.hourlyCost()).isCloseTo(117.7856, within(1e-9));
        assertThat(e.expectedTotal()).isCloseTo(8480.5632, within(1e-6));
        assertThat(e.p90Total()).isEqualTo(e.expectedTotal());
        assertThat(e.monthlyRunRate()).isCloseTo(117.7856 * 730, within(1e-6));
        assertThat(e.currency()).isEqualTo("USD");
    }

    @Test
    void anEstimateCarriesTheOfferingsCurrency() {
        Offering inEur = new Offering("aws", "p5.48xlarge", "eu-north-1", "H100", 8, 192, 2048,
                "Amazon Elastic Compute Cloud", new Prices(54.2, null, null, null, "catalog", "EUR"));

        Estimate e = estimator.estimate(inEur, 1, PurchaseOption.ON_DEMAND, 10.0, false);

        assertThat(e.currency()).isEqualTo("EUR");
        assertThat(e.expectedTotal()).isCloseTo(542, within(1e-9));
    }

    @Test
    void spotIsBoundedByOnDemandAtP90AndOpenEndedMeansAMonth() {
        Estimate e = estimator.estimate(p5, 1, PurchaseOption.SPOT, null, true);

        assertThat(e.expectedTotal()).isCloseTo(10.5722 * 730, within(1e-6));
        assertThat(e.p90Total()).isCloseTo(58.8928 * 730, within(1e-6));
        assertThat(e.source()).contains("no simulation");
    }

    @Test
    void optionsTheOfferingIsNotSoldAsAreRefused() {
        assertThatThrownBy(() -> estimator.estimate(p5, 1, PurchaseOption.COMMITTED_1Y, 10.0, false))
                .hasMessageContaining("not sold as COMMITTED_1Y");
    }

    @Test
    void tagsAreParsedOnePerLineSkippingEmptyValues() {
        assertThat(ProvisionForm.parseTags("cost-center=CC-1234\n owner = eve \nempty=\nnovalue\n\nk=a=b"))
                .containsExactly(java.util.Map.entry("cost-center", "CC-1234"), java.util.Map.entry("owner", "eve"),
                        java.util.Map.entry("k", "a=b"));
    }

    /** 2,000 GB of S3 Standard at $0.023 per GB-month: $46 a month, pro-rated per hour. */
    @Test
    void aBucketIsCapacityTimesPricePerGbMonth() {
        Offering s3 = new StorageOffering("aws", "S3 Standard", "eu-central-1", 0.023,
                "Amazon Simple Storage Service", true).asOffering();

        Estimate e = estimator.estimate(s3, 2000, PurchaseOption.ON_DEMAND, null, false);

        assertThat(e.monthlyRunRate()).isCloseTo(46.0, within(1e-9));
        assertThat(e.hourlyCost()).isCloseTo(46.0 / 730, within(1e-12));
        assertThat(e.expectedTotal()).isCloseTo(46.0, within(1e-9));
        assertThat(e.p90Total()).isEqualTo(e.expectedTotal());
    }
}
