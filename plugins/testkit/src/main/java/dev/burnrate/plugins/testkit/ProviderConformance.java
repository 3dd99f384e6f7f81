package dev.burnrate.plugins.testkit;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.Region;
import dev.burnrate.api.StorageOffering;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the static facts of a {@link CloudProvider}: ids, regions, offerings and prices. Returns every violation
 * instead of stopping at the first, so a plugin author sees all problems in one run.
 */
public final class ProviderConformance {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2,6}");
    /** Generous upper bounds: a whole TPU v5p pod costs about 26,000 USD an hour. */
    private static final double MAX_HOURLY_PRICE = 100_000;
    private static final double MAX_VCPUS = 4_096;
    private static final double MAX_MEMORY_GIB = 65_536;
    private static final int MAX_ACCELERATORS = 100_000;

    private ProviderConformance() {
    }

    public static List<Violation> check(CloudProvider provider) {
        return check(provider, Set.of());
    }

    /**
     * @param extraAcceleratorNames accelerator names known besides the built-in hardware catalogs' (those a hardware
     *                              plugin of the author's adds); since API 1.3.0
     */
    public static List<Violation> check(CloudProvider provider, Collection<String> extraAcceleratorNames) {
        List<Violation> violations = new ArrayList<>();
        Checks.checkIdentity(provider, "provider", violations);
        Set<String> regionIds = checkRegions(provider.regions(), violations);
        List<Offering> offerings = provider.offerings();
        if (offerings == null || offerings.isEmpty()) {
            violations.add(new Violation("provider " + provider.id(), "has-offerings", "offers nothing"));
            return violations;
        }
        Set<String> keys = new HashSet<>();
        for (Offering offering : offerings) {
            checkOffering(provider.id(), offering, regionIds, violations);
            checkAcceleratorName(offering, extraAcceleratorNames, violations);
            if (!keys.add(offering.key())) {
                violations.add(new Violation("offering " + offering.key(), "unique-offering",
                        "the same instance type is offered twice in one region"));
            }
        }
        checkStorage(provider, regionIds, violations);
        return violations;
    }

    /** Even the dearest storage classes cost cents per GB-month; a dollar or more is a unit mistake. */
    private static final double MAX_PRICE_PER_GB_MONTH = 1.0;

    private static void checkStorage(CloudProvider provider, Set<String> regionIds, List<Violation> violations) {
        List<StorageOffering> storage = provider.storageOfferings();
        if (storage == null) {
            violations.add(new Violation("provider " + provider.id(), "storage-offerings",
                    "storageOfferings() returned null instead of an empty list"));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (StorageOffering s : storage) {
            String subject = "storage offering " + s.key();
            if (!provider.id().equals(s.providerId())) {
                violations.add(new Violation(subject, "storage-provider", "belongs to '" + s.providerId() + "'"));
            }
            if (!regionIds.contains(s.regionId())) {
                violations.add(new Violation(subject, "storage-region", "region is not in regions()"));
            }
            if (Checks.isBlank(s.storageClass()) || Checks.isBlank(s.serviceName())) {
                violations.add(new Violation(subject, "storage-names", "storage class or service name is blank"));
            }
            if (s.pricePerGbMonth() > MAX_PRICE_PER_GB_MONTH) {
                violations.add(new Violation(subject, "storage-price", "USD " + s.pricePerGbMonth()
                        + " per GB-month is implausible (a price per TB?)"));
            }
            if (!keys.add(s.key())) {
                violations.add(new Violation(subject, "unique-storage-offering",
                        "the same storage class is offered twice in one region"));
            }
        }
    }

    static Set<String> checkRegions(List<Region> regions, List<Violation> violations) {
        Set<String> ids = new HashSet<>();
        if (regions == null || regions.isEmpty()) {
            violations.add(new Violation("provider", "has-regions", "has no regions"));
            return ids;
        }
        for (Region region : regions) {
            String subject = "region " + region.id();
            if (Checks.isBlank(region.id()) || !region.id().equals(region.id().trim())) {
                violations.add(new Violation(subject, "valid-region-id", "region id is blank or padded"));
            }
            if (!ids.add(region.id())) {
                violations.add(new Violation(subject, "unique-region", "region id appears twice"));
            }
            if (Checks.isBlank(region.name())) {
                violations.add(new Violation(subject, "region-name", "region name is blank"));
            }
            if (!COUNTRY.matcher(region.geography()).matches()) {
                violations.add(new Violation(subject, "geography",
                        "geography must be an ISO 3166-1 alpha-2 code but is '" + region.geography() + "'"));
            }
            if (!JURISDICTION.matcher(region.jurisdiction()).matches()) {
                violations.add(new Violation(subject, "jurisdiction",
                        "jurisdiction must be an upper-case code such as EU or US but is '" + region.jurisdiction() + "'"));
            }
        }
        return ids;
    }

    static void checkOffering(String providerId, Offering offering, Set<String> regionIds,
                                      List<Violation> violations) {
        String subject = "offering " + offering.key();
        if (!providerId.equals(offering.providerId())) {
            violations.add(new Violation(subject, "provider-id",
                    "providerId is '" + offering.providerId() + "' but the provider's id is '" + providerId + "'"));
        }
        if (!regionIds.contains(offering.regionId())) {
            violations.add(new Violation(subject, "region-exists",
                    "region '" + offering.regionId() + "' is not in regions()"));
        }
        if (Checks.isBlank(offering.instanceType())) {
            violations.add(new Violation(subject, "instance-type", "instanceType is blank"));
        }
        if (Checks.isBlank(offering.serviceName())) {
            violations.add(new Violation(subject, "service-name", "serviceName is blank"));
        }
        Checks.range(violations, subject, "sane-vcpus", "vcpus", offering.vcpus(), 0, MAX_VCPUS);
        Checks.range(violations, subject, "sane-memory", "memoryGib", offering.memoryGib(), 0, MAX_MEMORY_GIB);
        Checks.range(violations, subject, "sane-accelerators", "acceleratorCount", offering.acceleratorCount(), 0,
                MAX_ACCELERATORS);
        if (offering.vcpus() <= 0 && !offering.hasAccelerator()) {
            violations.add(new Violation(subject, "has-compute", "neither vCPUs nor accelerators"));
        }
        if (offering.hasAccelerator() && Checks.isBlank(offering.acceleratorName())) {
            violations.add(new Violation(subject, "accelerator-name", "acceleratorName is blank"));
        }
        checkPrices(subject, offering.prices(), violations);
    }

    /** A name no hardware catalog knows leaves the offering without a spec in the portal: not fatal, but wrong. */
    private static void checkAcceleratorName(Offering offering, Collection<String> extra, List<Violation> violations) {
        if (!offering.hasAccelerator() || Checks.isBlank(offering.acceleratorName())
                || AcceleratorNames.isKnown(offering.acceleratorName(), extra)) {
            return;
        }
        violations.add(new Violation("offering " + offering.key(), "known-accelerator", "acceleratorName '"
                + offering.acceleratorName() + "' is no model or alias of the built-in hardware catalogs ("
                + String.join(", ", AcceleratorNames.builtInModelNames()) + "; aliases are in the plugin guide): "
                + "the portal shows no model or PFLOP price for the offering and simulations skip it. Use a listed "
                + "name, or return the names your own hardware plugin adds from additionalAcceleratorNames()"));
    }

    private static void checkPrices(String subject, Prices prices, List<Violation> violations) {
        Checks.range(violations, subject, "non-negative-price", "on-demand price", prices.onDemand(), 0,
                MAX_HOURLY_PRICE);
        optionalPrice(subject, "spot price", prices.spot(), violations);
        optionalPrice(subject, "1-year committed price", prices.committed1y(), violations);
        optionalPrice(subject, "3-year committed price", prices.committed3y(), violations);
        boolean committed = prices.committed1y() != null || prices.committed3y() != null;
        if (committed && Checks.isBlank(prices.committedSource())) {
            violations.add(new Violation(subject, "committed-source",
                    "committed prices are given but committedSource does not say where they come from"));
        }
        if (prices.committed1y() != null && prices.committed1y() > prices.onDemand()) {
            violations.add(new Violation(subject, "commitment-discount",
                    "1-year committed price " + prices.committed1y() + " exceeds on-demand " + prices.onDemand()));
        }
        if (prices.committed1y() != null && prices.committed3y() != null
                && prices.committed3y() > prices.committed1y()) {
            violations.add(new Violation(subject, "commitment-discount",
                    "3-year committed price " + prices.committed3y() + " exceeds 1-year " + prices.committed1y()));
        }
    }

    private static void optionalPrice(String subject, String field, Double price, List<Violation> violations) {
        if (price != null) {
            Checks.range(violations, subject, "non-negative-price", field, price, 0, MAX_HOURLY_PRICE);
        }
    }
}
