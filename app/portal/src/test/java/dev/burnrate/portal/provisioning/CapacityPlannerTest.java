package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Availability;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.portal.plugin.PriceLists;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {

    private final SandboxTestProvider cloud = new SandboxTestProvider(Clock.systemUTC()) {
        @Override
        public Availability availability(Offering offering, Region region) {
            if (offering.key().equals("aws/eu-north-1/p5.48xlarge")) {
                throw new IllegalStateException("capacity API down");
            }
            return super.availability(offering, region);
        }
    };
    private final ProviderCalls calls = new ProviderCalls();
    private final ProviderCatalog catalog = new ProviderCatalog(() -> List.of(cloud), calls,
            PriceLists.none(Clock.systemUTC()));
    private final CapacityPlanner planner = new CapacityPlanner(catalog, calls);

    @AfterEach
    void close() {
        calls.close();
    }

    private CapacityPlanner.Placement at(String region, String type) {
        return new CapacityPlanner.Placement(catalog.region("aws", region).orElseThrow(),
                catalog.offering("aws", region, type).orElseThrow());
    }

    @Test
    void anAvailableOfferingStaysWhereItIs() {
        var plan = planner.plan(cloud, Template.NOTEBOOK, PurchaseOption.ON_DEMAND, at("eu-central-1", "g5.12xlarge"),
                p -> true);
        assertThat(plan.failedOver()).isFalse();
        assertThat(plan.note()).isNull();
    }

    @Test
    void candidatesHaveTheSameHardwareSameRegionFirstThenCheapest() {
        cloud.soldOut("aws/eu-central-1/g5.12xlarge");
        var plan = planner.plan(cloud, Template.NOTEBOOK, PurchaseOption.ON_DEMAND, at("eu-central-1", "g5.12xlarge"),
                p -> true);
        assertThat(plan.use()).hasValueSatisfying(p -> assertThat(p.offering().key())
                .isEqualTo("aws/us-east-1/g5.12xlarge"));
        assertThat(planner.candidates(cloud, Template.NOTEBOOK, PurchaseOption.ON_DEMAND,
                at("eu-central-1", "g5.12xlarge"))).extracting(p -> p.offering().key())
                .containsExactly("aws/us-east-1/g5.12xlarge", "aws/eu-north-1/g5.12xlarge");
    }

    @Test
    void theCallersTestDecidesAndNothingSuitableIsSaid() {
        cloud.soldOut("aws/eu-central-1/g5.12xlarge");
        var plan = planner.plan(cloud, Template.NOTEBOOK, PurchaseOption.ON_DEMAND, at("eu-central-1", "g5.12xlarge"),
                p -> p.region().jurisdiction().equals("EU"));
        assertThat(plan.use()).hasValueSatisfying(p -> assertThat(p.region().id()).isEqualTo("eu-north-1"));

        var none = planner.plan(cloud, Template.NOTEBOOK, PurchaseOption.ON_DEMAND, at("eu-central-1", "g5.12xlarge"),
                p -> false);
        assertThat(none.use()).isEmpty();
        assertThat(none.note()).isEqualTo("g5.12xlarge is sold out in eu-central-1 (no g5.12xlarge capacity in "
                + "eu-central-1); no other offering with the same hardware is available now and allowed by the "
                + "policies");
    }

    @Test
    void aProviderThatCannotAnswerCountsAsUnknownSoProvisioningTries() {
        var plan = planner.plan(cloud, Template.GPU_TRAINING, PurchaseOption.ON_DEMAND, at("eu-north-1", "p5.48xlarge"),
                p -> true);
        assertThat(plan.availability().state()).isEqualTo(Availability.State.UNKNOWN);
        assertThat(plan.availability().reason()).contains("capacity API down");
        assertThat(plan.failedOver()).isFalse();
    }

    @Test
    void smallerOrOtherHardwareNeverStandsIn() {
        Offering p5 = at("us-east-1", "p5.48xlarge").offering();
        Offering g5 = at("us-east-1", "g5.12xlarge").offering();
        assertThat(CapacityPlanner.fits(p5, g5)).isFalse();
        assertThat(CapacityPlanner.fits(g5, at("eu-north-1", "g5.12xlarge").offering())).isTrue();
    }
}
