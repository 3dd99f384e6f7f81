package dev.burnrate.plugins.testkit;

import static dev.burnrate.plugins.testkit.FakeProvider.offering;
import static dev.burnrate.plugins.testkit.FakeProvider.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Availability;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PriceList;
import dev.burnrate.api.Prices;
import dev.burnrate.api.Region;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityConformanceTest {

    private static final Offering SMALL = offering("fake", "eu-1", "small", new Prices(1.0, null, null, null, null));

    @Test
    void anOldProviderAnswersUnknownAndHasNoPriceList() {
        var provider = new FakeProvider("fake", List.of(region("eu-1")), List.of(SMALL));
        assertThat(provider.availability(SMALL, region("eu-1")).state()).isEqualTo(Availability.State.UNKNOWN);
        assertThat(CapacityConformance.checkAvailability(provider)).isEmpty();
        assertThat(CapacityConformance.checkPriceRefresh(provider)).isEmpty();
    }

    @Test
    void aThrowingOrSilentAvailabilityIsAViolation() {
        assertThat(CapacityConformance.checkAvailability(new CapacityFake(null, Optional.empty())))
                .extracting(Violation::rule).containsExactly("availability-answers");
        assertThat(CapacityConformance.checkAvailability(new CapacityFake(Availability.soldOut(" "),
                Optional.empty()))).extracting(Violation::rule).containsExactly("availability-reason");
        assertThat(CapacityConformance.checkAvailability(new CapacityFake(Availability.soldOut("no H100 left"),
                Optional.empty()))).isEmpty();
    }

    @Test
    void aPriceListWithForeignOrBrokenOfferingsIsReported() {
        PriceList list = new PriceList(Instant.parse("2026-01-01T00:00:00Z"), List.of(
                offering("other", "eu-1", "small", new Prices(1.0, null, null, null, null)),
                offering("fake", "us-9", "big", new Prices(2.0, null, 3.0, null, "list"))), "test list");
        assertThat(CapacityConformance.checkPriceRefresh(new CapacityFake(Availability.yes(), Optional.of(list))))
                .extracting(Violation::rule).containsExactlyInAnyOrder("provider-id", "region-exists",
                        "commitment-discount");
    }

    @Test
    void aValidPriceListPasses() {
        PriceList list = new PriceList(Instant.parse("2026-01-01T00:00:00Z"), List.of(
                offering("fake", "eu-1", "small", new Prices(0.9, null, null, null, null))), "test list");
        assertThat(CapacityConformance.checkPriceRefresh(new CapacityFake(Availability.yes(), Optional.of(list))))
                .isEmpty();
    }

    /** Answers the given availability for every offering (null: answers null) and the given price list. */
    private static final class CapacityFake implements CloudProvider {
        private final FakeProvider facts = new FakeProvider("fake", List.of(region("eu-1")), List.of(SMALL));
        private final Availability answer;
        private final Optional<PriceList> refresh;

        CapacityFake(Availability answer, Optional<PriceList> refresh) {
            this.answer = answer;
            this.refresh = refresh;
        }

        @Override
        public Availability availability(Offering offering, Region region) {
            return answer;
        }

        @Override
        public Optional<PriceList> refreshPrices() {
            return refresh;
        }

        @Override
        public String id() {
            return facts.id();
        }

        @Override
        public String displayName() {
            return facts.displayName();
        }

        @Override
        public List<Region> regions() {
            return facts.regions();
        }

        @Override
        public List<Offering> offerings() {
            return facts.offerings();
        }

        @Override
        public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
            return facts.provision(request);
        }

        @Override
        public ResourceStatus deprovision(String resourceId) throws ProvisioningException {
            return facts.deprovision(resourceId);
        }

        @Override
        public ResourceStatus stop(String resourceId) throws ProvisioningException {
            return facts.stop(resourceId);
        }

        @Override
        public ResourceStatus status(String resourceId) throws ProvisioningException {
            return facts.status(resourceId);
        }

        @Override
        public List<UsageRecord> meter(String resourceId, Instant from, Instant to) {
            return List.of();
        }
    }
}
