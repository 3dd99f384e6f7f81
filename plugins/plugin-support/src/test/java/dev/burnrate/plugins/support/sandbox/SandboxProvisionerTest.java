package dev.burnrate.plugins.support.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.plugins.support.provider.TestCatalogProvider;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxProvisionerTest {
    private final TestCatalogProvider provider = new TestCatalogProvider();
    private InMemoryPluginContext context;
    private Instant t0;

    @BeforeEach
    void setUp() {
        context = new InMemoryPluginContext("testcloud").withSetting(SandboxSettings.REQUEST_SECONDS, "60")
                .withSetting(SandboxSettings.BOOT_SECONDS, "240");
        t0 = context.clock().instant();
        provider.init(context);
    }

    private Offering offering(String region, String type) {
        return provider.catalog().offering("testcloud/" + region + "/" + type).orElseThrow();
    }

    private ProvisionRequest request(String id, Offering offering, int count, PurchaseOption option) {
        return new ProvisionRequest(id, offering, count, option, "job " + id, Map.of("team", "ml"), false, false);
    }

    @Test
    void movesThroughStatesOnTheContextClock() throws ProvisioningException {
        var status = provider.provision(request("r1", offering("test-1", "cpu.small"), 1, PurchaseOption.ON_DEMAND));
        assertThat(status.state()).isEqualTo(ResourceState.REQUESTED);
        assertThat(status.since()).isEqualTo(t0);

        context.clock().advance(Duration.ofSeconds(60));
        assertThat(provider.status(status.resourceId()).state()).isEqualTo(ResourceState.PROVISIONING);
        context.clock().advance(Duration.ofSeconds(240));
        var running = provider.status(status.resourceId());
        assertThat(running.state()).isEqualTo(ResourceState.RUNNING);
        assertThat(running.since()).isEqualTo(t0.plusSeconds(300));

        context.clock().advance(Duration.ofHours(1));
        assertThat(provider.stop(status.resourceId()).state()).isEqualTo(ResourceState.STOPPED);
        assertThat(provider.stop(status.resourceId()).since()).as("stopping twice keeps the first stop")
                .isEqualTo(t0.plusSeconds(300).plus(Duration.ofHours(1)));
        assertThat(provider.deprovision(status.resourceId()).state()).isEqualTo(ResourceState.DELETED);
        assertThatThrownBy(() -> provider.stop(status.resourceId())).hasMessageContaining("deleted");
    }

    @Test
    void retriesReturnTheSameResourceAndConflictingReuseIsRefused() throws ProvisioningException {
        Offering small = offering("test-1", "cpu.small");
        var first = provider.provision(request("same", small, 2, PurchaseOption.ON_DEMAND));
        context.clock().advance(Duration.ofMinutes(10));
        var retry = provider.provision(request("same", small, 2, PurchaseOption.ON_DEMAND));
        assertThat(retry.resourceId()).isEqualTo(first.resourceId());
        assertThat(retry.state()).isEqualTo(ResourceState.RUNNING);
        assertThat(context.store().size()).isEqualTo(1);

        assertThatThrownBy(() -> provider.provision(request("same", small, 3, PurchaseOption.ON_DEMAND)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("already used for a different request");
        assertThat(context.store().size()).isEqualTo(1);
    }

    @Test
    void refusesWhatTheCatalogOrRegionCannotDoAndStoresNothing() {
        Offering noSpot = offering("test-2", "gpu.large");
        assertThatThrownBy(() -> provider.provision(request("s", noSpot, 1, PurchaseOption.SPOT)))
                .hasMessageContaining("cannot be bought as SPOT");
        var encrypted = new ProvisionRequest("e", noSpot, 1, PurchaseOption.ON_DEMAND, "enc", Map.of(), true, false);
        assertThatThrownBy(() -> provider.provision(encrypted)).hasMessageContaining("does not offer encryption");
        var made = new Offering("testcloud", "made.up", "test-1", null, 0, 1, 1, "x",
                noSpot.prices());
        assertThatThrownBy(() -> provider.provision(request("m", made, 1, PurchaseOption.ON_DEMAND)))
                .hasMessageContaining("no offering testcloud/test-1/made.up");
        assertThat(context.store().size()).isZero();
    }

    @Test
    void usesTheCatalogPriceNotThePriceInTheRequest() throws ProvisioningException {
        Offering real = offering("test-1", "cpu.small");
        Offering cheap = new Offering(real.providerId(), real.instanceType(), real.regionId(), null, 0, real.vcpus(),
                real.memoryGib(), real.serviceName(), new dev.burnrate.api.Prices(0.0, null, null, null, null));
        var id = provider.provision(request("p", cheap, 1, PurchaseOption.ON_DEMAND)).resourceId();
        context.clock().advance(Duration.ofHours(3));
        double billed = provider.meter(id, t0, context.clock().instant()).stream()
                .mapToDouble(UsageRecord::billedCost).sum();
        assertThat(billed).isGreaterThan(0.2);
    }

    @Test
    void metersHourlyRowsAtTheOptionPriceWithListCostAtOnDemand() throws ProvisioningException {
        Offering gpu = offering("test-1", "gpu.large");
        var id = provider.provision(request("m", gpu, 2, PurchaseOption.SPOT)).resourceId();
        // Billing starts when provisioning starts (t0 + 60 s) and ends at deletion, 2.5 hours later.
        context.clock().advance(Duration.ofSeconds(60).plus(Duration.ofMinutes(150)));
        provider.deprovision(id);
        context.clock().advance(Duration.ofHours(5));

        List<UsageRecord> rows = provider.meter(id, t0.minus(Duration.ofHours(1)), context.clock().instant());
        assertThat(rows).extracting(r -> r.chargePeriodStart().toString()).containsExactly(
                "2025-01-06T09:01:00Z", "2025-01-06T10:00:00Z", "2025-01-06T11:00:00Z");
        assertThat(rows.get(2).chargePeriodEnd()).isEqualTo(Instant.parse("2025-01-06T11:31:00Z"));
        double hours = rows.stream().mapToDouble(UsageRecord::consumedQuantity).sum() / 2;
        assertThat(hours).isCloseTo(2.5, within(1e-9));
        UsageRecord first = rows.get(0);
        assertThat(first.billedCost()).isCloseTo(40.1 * 2 * 59 / 60.0, within(1e-9));
        assertThat(first.listCost()).isCloseTo(98.32 * 2 * 59 / 60.0, within(1e-9));
        assertThat(first.pricingCategory()).isEqualTo("Dynamic");
        assertThat(first.subAccountId()).isEqualTo("ml");
        assertThat(first.regionId()).isEqualTo("test-1");
        assertThat(first.chargeDescription()).isEqualTo("2 x gpu.large (H100 x8) in test-1, spot, sandbox");

        List<UsageRecord> window = provider.meter(id, Instant.parse("2025-01-06T10:15:00Z"),
                Instant.parse("2025-01-06T10:45:00Z"));
        assertThat(window).singleElement().satisfies(r -> assertThat(r.consumedQuantity()).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void stateSurvivesANewProviderInstanceOnTheSameStore() throws ProvisioningException {
        var id = provider.provision(request("keep", offering("test-1", "cpu.small"), 1, PurchaseOption.COMMITTED_1Y))
                .resourceId();
        var restarted = new TestCatalogProvider();
        restarted.init(context);
        context.clock().advance(Duration.ofHours(1));
        assertThat(restarted.status(id).state()).isEqualTo(ResourceState.RUNNING);
        assertThat(restarted.meter(id, t0, context.clock().instant()).get(0).pricingCategory()).isEqualTo("Committed");
    }

    @Test
    void inventoryListsTaggedResourcesAndStatusOfRequestFindsThemByRequestId() throws ProvisioningException {
        assertThat(provider.supportsInventory()).isTrue();
        var tagged = provider.provision(new ProvisionRequest("req-1", offering("test-1", "cpu.small"), 1,
                PurchaseOption.ON_DEMAND, "tagged", Map.of(CloudProvider.REQUEST_TAG, "req-1"), false, false));
        provider.provision(request("untagged", offering("test-1", "cpu.small"), 1, PurchaseOption.ON_DEMAND));

        assertThat(provider.inventory()).singleElement().satisfies(item -> {
            assertThat(item.requestId()).isEqualTo("req-1");
            assertThat(item.status().resourceId()).isEqualTo(tagged.resourceId());
        });
        assertThat(provider.statusOfRequest("req-1")).hasValueSatisfying(
                s -> assertThat(s.resourceId()).isEqualTo(tagged.resourceId()));
        assertThat(provider.statusOfRequest("never-sent")).as("a definite 'nothing for that id'").isEmpty();

        provider.deprovision(tagged.resourceId());
        assertThat(provider.inventory()).singleElement()
                .satisfies(item -> assertThat(item.status().state()).isEqualTo(ResourceState.DELETED));
    }
}
