package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for {@link CloudProvider} plugins. Extend it in your plugin's tests and return a fresh
 * provider from {@link #createProvider()}; the suite initialises it with an {@link InMemoryPluginContext} whose
 * clock it moves by hand.
 *
 * <pre>{@code
 * class MyProviderConformanceTest extends CloudProviderConformanceTest {
 *     protected CloudProvider createProvider() { return new MyProvider(); }
 * }
 * }</pre>
 */
public abstract class CloudProviderConformanceTest {
    /** How long a provider may take from request to RUNNING before the suite calls it stuck. */
    protected static final Duration MAX_TIME_TO_RUNNING = Duration.ofHours(1);

    protected CloudProvider provider;
    protected InMemoryPluginContext context;

    /** A new, uninitialised instance of the provider under test. */
    protected abstract CloudProvider createProvider();

    /** The offering the provisioning tests use; by default the cheapest on-demand one (ties broken by key). */
    protected Offering offeringToProvision(List<Offering> offerings) {
        return offerings.stream()
                .min(Comparator.comparingDouble((Offering o) -> o.prices().onDemand()).thenComparing(Offering::key))
                .orElseThrow();
    }

    /**
     * Accelerator names the provider may use besides the built-in hardware catalogs' ({@link AcceleratorNames}):
     * those a hardware plugin of yours adds. Since API 1.3.0.
     */
    protected Set<String> additionalAcceleratorNames() {
        return Set.of();
    }

    @BeforeEach
    void initialiseProvider() {
        provider = createProvider();
        context = new InMemoryPluginContext(provider.id() == null ? "plugin-under-test" : provider.id());
        provider.init(context);
    }

    @Test
    void staticFactsConform() {
        List<Violation> violations = ProviderConformance.check(provider, additionalAcceleratorNames());
        if (!violations.isEmpty()) {
            fail(violations.size() + " conformance violation(s):\n" + violations.stream().limit(50)
                    .map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }

    /** API 1.3.0: every offering gets an availability answer, and every "no" says why. */
    @Test
    void availabilityAnswersForEveryOffering() {
        failOn(CapacityConformance.checkAvailability(provider));
    }

    /** API 1.3.0: a refreshed price list, when the provider has one, holds only valid offerings of its own. */
    @Test
    void refreshedPricesConform() {
        failOn(CapacityConformance.checkPriceRefresh(provider));
    }

    private static void failOn(List<Violation> violations) {
        if (!violations.isEmpty()) {
            fail(violations.size() + " conformance violation(s):\n" + violations.stream().limit(50)
                    .map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void provisioningIsIdempotentOnRequestId() throws ProvisioningException {
        ProvisionRequest request = request("conformance-idempotent");
        ResourceStatus first = provider.provision(request);
        int entriesAfterFirst = context.store().size();
        ResourceStatus retry = provider.provision(request);

        assertEquals(first.resourceId(), retry.resourceId(), "a retry with the same requestId must return the same resource");
        assertEquals(entriesAfterFirst, context.store().size(), "a retry must not store anything new");
        assertNotNull(provider.status(first.resourceId()));
    }

    @Test
    void resourceMovesThroughItsLifecycle() throws ProvisioningException {
        ResourceStatus created = provider.provision(request("conformance-lifecycle"));
        assertTrue(created.state() == ResourceState.REQUESTED || created.state() == ResourceState.PROVISIONING
                || created.state() == ResourceState.RUNNING, "a new resource starts requested, provisioning or running");

        ResourceStatus running = awaitRunning(created.resourceId());
        assertEquals(ResourceState.RUNNING, running.state());

        context.clock().advance(Duration.ofHours(2));
        assertEquals(ResourceState.STOPPED, provider.stop(created.resourceId()).state());
        assertEquals(ResourceState.DELETED, provider.deprovision(created.resourceId()).state());
        assertEquals(ResourceState.DELETED, provider.deprovision(created.resourceId()).state(),
                "deprovisioning a deleted resource is a no-op");
        assertEquals(ResourceState.DELETED, provider.status(created.resourceId()).state());
    }

    @Test
    void metersWhatRanAtTheOfferingPrice() throws ProvisioningException {
        Instant start = context.clock().instant();
        ProvisionRequest request = request("conformance-metering");
        ResourceStatus created = provider.provision(request);
        awaitRunning(created.resourceId());
        context.clock().advance(Duration.ofMinutes(150));
        provider.deprovision(created.resourceId());
        Instant end = context.clock().instant();
        context.clock().advance(Duration.ofHours(1));

        List<UsageRecord> rows = provider.meter(created.resourceId(), start, end.plus(Duration.ofHours(1)));
        assertFalse(rows.isEmpty(), "a resource that ran must be metered");
        double hourlyPrice = request.offering().prices().onDemand() * request.count();
        double billed = 0;
        double hours = 0;
        for (UsageRecord row : rows) {
            assertFalse(row.chargePeriodStart().isBefore(start), "rows start inside the metered window");
            assertFalse(row.chargePeriodEnd().isAfter(end), "nothing is billed after deletion");
            assertTrue(Duration.between(row.chargePeriodStart(), row.chargePeriodEnd()).compareTo(Duration.ofHours(1)) <= 0,
                    "rows cover at most one hour");
            assertTrue(row.billedCost() >= 0 && row.effectiveCost() >= 0, "costs are non-negative");
            assertEquals(created.resourceId(), row.resourceId());
            billed += row.billedCost();
            hours += Duration.between(row.chargePeriodStart(), row.chargePeriodEnd()).toMillis() / 3_600_000.0;
        }
        assertEquals(hourlyPrice * hours, billed, 1e-6 * Math.max(1, billed),
                "billed cost = on-demand price x instances x hours billed");
        assertTrue(hours >= 2.5 - 1e-9, "at least the 150 minutes it ran are billed, got " + hours + " h");
    }

    @Test
    void refusesUnknownResourcesAndForeignOfferings() {
        assertThrows(ProvisioningException.class, () -> provider.status("no-such-resource"));
        Offering own = offeringToProvision(provider.offerings());
        Offering foreign = new Offering("someone-else", own.instanceType(), own.regionId(), own.acceleratorName(),
                own.acceleratorCount(), own.vcpus(), own.memoryGib(), own.serviceName(), own.prices());
        ProvisionRequest request = new ProvisionRequest("conformance-foreign", foreign, 1, PurchaseOption.ON_DEMAND,
                "foreign", Map.of(), false, false);
        assertThrows(ProvisioningException.class, () -> provider.provision(request));
        assertThrows(ProvisioningException.class, () -> provider.status(provider.id() + "-missing"));
    }

    protected ProvisionRequest request(String requestId) {
        Offering offering = offeringToProvision(provider.offerings());
        return new ProvisionRequest(requestId, offering, 1, PurchaseOption.ON_DEMAND, "conformance " + requestId,
                Map.of("team", "conformance"), false, false);
    }

    /** Moves the clock in one-minute steps until the resource runs. */
    protected ResourceStatus awaitRunning(String resourceId) throws ProvisioningException {
        Instant deadline = context.clock().instant().plus(MAX_TIME_TO_RUNNING);
        ResourceStatus status = provider.status(resourceId);
        while (status.state() != ResourceState.RUNNING) {
            if (status.state() == ResourceState.FAILED || context.clock().instant().isAfter(deadline)) {
                fail("resource " + resourceId + " did not reach RUNNING within " + MAX_TIME_TO_RUNNING + ": " + status);
            }
            context.clock().advance(Duration.ofMinutes(1));
            status = provider.status(resourceId);
        }
        return status;
    }
}
