package dev.burnrate.plugins.testkit;

import dev.burnrate.api.Availability;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PriceList;
import dev.burnrate.api.Region;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link CloudProvider}'s capacity answers and price refresh (API 1.3.0): every offering gets an
 * availability answer (never {@code null}, never an exception), every "no" says why, and a refreshed price list
 * holds only valid offerings of this provider in its own regions.
 */
public final class CapacityConformance {

    private CapacityConformance() {
    }

    /** Asks {@link CloudProvider#availability} for every offering in its region. */
    public static List<Violation> checkAvailability(CloudProvider provider) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Region> regions = new HashMap<>();
        provider.regions().forEach(r -> regions.put(r.id(), r));
        for (Offering offering : provider.offerings()) {
            Region region = regions.get(offering.regionId());
            if (region == null) {
                continue; // ProviderConformance reports it
            }
            String subject = "offering " + offering.key();
            Availability answer;
            try {
                answer = provider.availability(offering, region);
            } catch (RuntimeException e) {
                violations.add(new Violation(subject, "availability-answers",
                        "availability() threw " + e + "; answer UNKNOWN when the capacity cannot be read"));
                continue;
            }
            if (answer == null) {
                violations.add(new Violation(subject, "availability-answers",
                        "availability() returned null; answer Availability.unknown(reason) when you cannot tell"));
            } else if (!answer.available() && Checks.isBlank(answer.reason())) {
                violations.add(new Violation(subject, "availability-reason",
                        "the answer " + answer.state() + " does not say why (users see the reason)"));
            }
        }
        return violations;
    }

    /** Calls {@link CloudProvider#refreshPrices()} and checks the list it returns, if any. */
    public static List<Violation> checkPriceRefresh(CloudProvider provider) {
        List<Violation> violations = new ArrayList<>();
        Optional<PriceList> refreshed;
        try {
            refreshed = provider.refreshPrices();
        } catch (RuntimeException e) {
            violations.add(new Violation("provider " + provider.id(), "price-refresh-answers",
                    "refreshPrices() threw " + e));
            return violations;
        }
        if (refreshed == null) {
            violations.add(new Violation("provider " + provider.id(), "price-refresh-answers",
                    "refreshPrices() returned null instead of Optional.empty()"));
            return violations;
        }
        refreshed.ifPresent(list -> checkPriceList(provider, list, violations));
        return violations;
    }

    private static void checkPriceList(CloudProvider provider, PriceList list, List<Violation> violations) {
        Set<String> regionIds = ProviderConformance.checkRegions(provider.regions(), new ArrayList<>());
        if (list.source().isBlank()) {
            violations.add(new Violation("price list of " + provider.id(), "price-list-source",
                    "source does not say where the prices come from"));
        }
        for (Offering offering : list.offerings()) {
            ProviderConformance.checkOffering(provider.id(), offering, regionIds, violations);
        }
    }
}
