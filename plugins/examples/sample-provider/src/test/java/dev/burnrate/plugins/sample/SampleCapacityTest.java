package dev.burnrate.plugins.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burnrate.api.Availability;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PriceList;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample's simulated capacity (settings sold-out and gpu-quota) and its price refresh. */
class SampleCapacityTest {

    private final SampleCloudProvider provider = new SampleCloudProvider();
    private final InMemoryPluginContext context = new InMemoryPluginContext("sample-provider");
    private Offering nycGpu;

    @BeforeEach
    void init() {
        provider.init(context);
        nycGpu = SampleCloudProvider.offeringByKey("sample-cloud/sample-us-nyc/sample.gpu-h100");
    }

    private Availability availability(Offering offering) {
        return provider.availability(offering, SampleCloudProvider.region(offering));
    }

    @Test
    void everythingIsInStockUntilTheSettingsSayOtherwise() {
        assertEquals(Availability.State.AVAILABLE, availability(nycGpu).state());
    }

    @Test
    void soldOutOfferingsAreReportedAndRefused() {
        context.withSetting("sold-out", "sample-us-nyc/sample.gpu-h100");
        Availability answer = availability(nycGpu);
        assertEquals(Availability.State.SOLD_OUT, answer.state());
        assertTrue(answer.reason().contains("Sample US (New York)"), answer.reason());
        Offering amsGpu = SampleCloudProvider.offeringByKey("sample-cloud/sample-eu-ams/sample.gpu-h100");
        assertEquals(Availability.State.AVAILABLE, availability(amsGpu).state(), "only New York is sold out");
        assertThrows(ProvisioningException.class, () -> provider.provision(request("r-1", nycGpu, 1)));
    }

    @Test
    void theGpuQuotaCountsRunningAccelerators() throws ProvisioningException {
        context.withSetting("gpu-quota", "2");
        provider.provision(request("r-quota-1", nycGpu, 2));
        Availability answer = availability(nycGpu);
        assertEquals(Availability.State.QUOTA_EXCEEDED, answer.state());
        assertTrue(answer.reason().contains("quota of 2 accelerators has 0 left"), answer.reason());
        Offering cpu = SampleCloudProvider.offeringByKey("sample-cloud/sample-us-nyc/sample.small");
        assertEquals(Availability.State.AVAILABLE, availability(cpu).state(), "CPUs need no GPU quota");
    }

    @Test
    void theRefreshedPriceListIsTenPercentCheaperAndDatedToTheHour() {
        PriceList list = provider.refreshPrices().orElseThrow();
        assertEquals(6, list.offerings().size());
        assertEquals(InMemoryPluginContext.DEFAULT_START, list.effectiveFrom());
        Offering refreshed = list.offerings().stream().filter(o -> o.key().equals(nycGpu.key())).findFirst()
                .orElseThrow();
        assertEquals(2.241, refreshed.prices().onDemand(), 1e-9);
    }

    private static ProvisionRequest request(String id, Offering offering, int count) {
        return new ProvisionRequest(id, offering, count, PurchaseOption.ON_DEMAND, id, Map.of(), false, false);
    }
}
