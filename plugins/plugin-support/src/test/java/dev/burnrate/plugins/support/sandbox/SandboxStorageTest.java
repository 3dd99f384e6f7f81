package dev.burnrate.plugins.support.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.plugins.support.provider.TestCatalogProvider;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buckets in the sandbox: count is GB, metered as GB-months pro-rated per hour with ServiceCategory Storage. */
class SandboxStorageTest {
    private static final double PRICE = 0.023;

    private final TestCatalogProvider provider = new TestCatalogProvider() {
        @Override
        protected StorageClass storageClass() {
            return new StorageClass("Object Standard", PRICE, "Test Storage");
        }
    };
    private InMemoryPluginContext context;
    private Instant t0;

    @BeforeEach
    void setUp() {
        context = new InMemoryPluginContext("testcloud").withSetting(SandboxSettings.REQUEST_SECONDS, "0")
                .withSetting(SandboxSettings.BOOT_SECONDS, "0");
        t0 = context.clock().instant();
        provider.init(context);
    }

    private Offering bucket(String region) {
        return provider.storageOfferings().stream().filter(s -> s.regionId().equals(region)).findFirst()
                .orElseThrow().asOffering();
    }

    @Test
    void everyRegionOffersTheStorageClassPricedPerGbHour() {
        List<StorageOffering> storage = provider.storageOfferings();
        assertThat(storage).extracting(StorageOffering::regionId)
                .containsExactlyInAnyOrderElementsOf(provider.regions().stream().map(r -> r.id()).toList());
        Offering offering = storage.get(0).asOffering();
        assertThat(StorageOffering.isStorage(offering)).isTrue();
        assertThat(offering.key()).isEqualTo(storage.get(0).key());
        assertThat(offering.prices().onDemand()).isCloseTo(PRICE / 730, within(1e-12));
        assertThat(offering.prices().spot()).isNull();
        assertThat(provider.offerings()).noneMatch(StorageOffering::isStorage);
    }

    @Test
    void metersABucketAsGbMonthsPerHourAndDeletesIt() throws ProvisioningException {
        // 5000 GB is more than maxInstances (1000): for a bucket the count is capacity, not machines.
        var request = new ProvisionRequest("b1", bucket("test-1"), 5000, PurchaseOption.ON_DEMAND, "datasets",
                Map.of("team", "ml"), false, false);
        var status = provider.provision(request);
        assertThat(status.message()).contains("5000 GB bucket");
        assertThat(provider.provision(request).resourceId()).as("idempotent").isEqualTo(status.resourceId());
        assertThat(provider.status(status.resourceId()).state()).isEqualTo(ResourceState.RUNNING);
        assertThatThrownBy(() -> provider.stop(status.resourceId())).hasMessageContaining("cannot be stopped");

        context.clock().advance(Duration.ofMinutes(150));
        List<UsageRecord> rows = provider.meter(status.resourceId(), t0, context.clock().instant());
        assertThat(rows).hasSizeBetween(3, 4).allSatisfy(r -> {
            assertThat(r.serviceCategory()).isEqualTo("Storage");
            assertThat(r.pricingUnit()).isEqualTo("GB-Month");
            assertThat(r.serviceName()).isEqualTo("Test Storage");
            assertThat(r.resourceType()).isEqualTo("Storage Bucket");
        });
        double gbMonths = rows.stream().mapToDouble(UsageRecord::consumedQuantity).sum();
        assertThat(gbMonths).isCloseTo(5000 * 2.5 / 730, within(1e-9));
        assertThat(rows.stream().mapToDouble(UsageRecord::billedCost).sum())
                .isCloseTo(5000 * PRICE * 2.5 / 730, within(1e-9));

        assertThat(provider.deprovision(status.resourceId()).state()).isEqualTo(ResourceState.DELETED);
        context.clock().advance(Duration.ofHours(5));
        assertThat(provider.meter(status.resourceId(), t0, context.clock().instant())
                .stream().mapToDouble(UsageRecord::consumedQuantity).sum()).isCloseTo(gbMonths, within(1e-9));
    }

    @Test
    void refusesAStorageClassTheProviderDoesNotSell() {
        Offering other = new StorageOffering("testcloud", "Glacier", "test-1", 0.001, "Test Storage", true)
                .asOffering();
        assertThatThrownBy(() -> provider.provision(new ProvisionRequest("b2", other, 10, PurchaseOption.ON_DEMAND,
                "cold", Map.of(), false, false))).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("no offering");
        assertThat(context.store().size()).isZero();
    }
}
