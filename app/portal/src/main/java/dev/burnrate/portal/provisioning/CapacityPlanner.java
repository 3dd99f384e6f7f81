package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Availability;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.api.StorageOffering;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Asks a provider whether an offering can be had now ({@link CloudProvider#availability}) and, when it cannot,
 * finds the next available offering that fits the same request: the same provider, the same accelerator model
 * with at least as many accelerators, vCPUs and memory, sold the same way; the same region first, then other
 * regions, cheapest first. The caller's test (the policies) decides whether a candidate may be used.
 * <p>
 * A provider that does not answer counts as UNKNOWN, i.e. provisioning tries: the provision call itself is the
 * final word, and a broken capacity report must not block every request.
 */
@Component
class CapacityPlanner {

    /** At most this many candidates are asked (each is a plugin call). */
    static final int MAX_CANDIDATES = 20;

    private final ProviderCatalog catalog;
    private final ProviderCalls calls;

    CapacityPlanner(ProviderCatalog catalog, ProviderCalls calls) {
        this.catalog = catalog;
        this.calls = calls;
    }

    /** A placement: an offering in its region. */
    record Placement(Region region, Offering offering) {
    }

    /**
     * The outcome for a wanted placement.
     *
     * @param wanted        what was asked for and its availability
     * @param use           what to use: the wanted placement when available, else the next available one
     * @param note          a sentence for the user when the wanted one is not available (else {@code null})
     */
    record Plan(Placement wanted, Availability availability, Optional<Placement> use, String note) {
        boolean failedOver() {
            return use.isPresent() && !use.get().equals(wanted);
        }
    }

    Availability availability(CloudProvider provider, Offering offering, Region region) {
        try {
            Availability answer = calls.read(provider.id(), "availability",
                    () -> provider.availability(offering, region));
            return answer == null ? Availability.unknown(provider.id() + " gave no answer") : answer;
        } catch (RuntimeException e) {
            return Availability.unknown(provider.id() + " did not answer: " + e.getMessage());
        }
    }

    /**
     * @param template   what the request is for (candidates must fit it)
     * @param acceptable whether a candidate may be used (e.g. the policies allow it); not asked for the wanted one
     */
    Plan plan(CloudProvider provider, Template template, dev.burnrate.api.PurchaseOption option, Placement wanted,
              Predicate<Placement> acceptable) {
        Availability answer = StorageOffering.isStorage(wanted.offering())
                ? Availability.unknown("storage capacity is not reported")
                : availability(provider, wanted.offering(), wanted.region());
        if (answer.available()) {
            return new Plan(wanted, answer, Optional.of(wanted), null);
        }
        String what = wanted.offering().instanceType() + " is " + describe(answer) + " in " + wanted.region().id()
                + (answer.reason() == null || answer.reason().isBlank() ? "" : " (" + answer.reason() + ")");
        int asked = 0;
        for (Placement candidate : candidates(provider, template, option, wanted)) {
            if (asked++ >= MAX_CANDIDATES) {
                break;
            }
            if (availability(provider, candidate.offering(), candidate.region()).available()
                    && acceptable.test(candidate)) {
                return new Plan(wanted, answer, Optional.of(candidate), what + "; using "
                        + candidate.offering().instanceType() + " in " + candidate.region().id() + " instead");
            }
        }
        return new Plan(wanted, answer, Optional.empty(), what + "; no other offering with the same hardware is "
                + "available now and allowed by the policies");
    }

    static String describe(Availability answer) {
        return switch (answer.state()) {
            case SOLD_OUT -> "sold out";
            case QUOTA_EXCEEDED -> "over the account's quota";
            case AVAILABLE, UNKNOWN -> "available";
            case UNAVAILABLE -> "unavailable";
        };
    }

    /** Offerings that can stand in for the wanted one: same region first, then cheapest. */
    List<Placement> candidates(CloudProvider provider, Template template, dev.burnrate.api.PurchaseOption option,
                               Placement wanted) {
        Offering w = wanted.offering();
        List<Placement> found = new ArrayList<>();
        for (Region region : catalog.regions(provider.id())) {
            for (Offering o : catalog.offerings(provider.id(), region.id(), template)) {
                if (!o.key().equals(w.key()) && fits(w, o) && o.prices().forOption(option) != null) {
                    found.add(new Placement(region, o));
                }
            }
        }
        found.sort(Comparator.comparing((Placement p) -> !p.region().id().equals(wanted.region().id()))
                .thenComparingDouble(p -> p.offering().prices().forOption(option))
                .thenComparing(p -> p.offering().key()));
        return found;
    }

    /** At least the wanted hardware: the same accelerator model, no fewer accelerators, vCPUs or memory. */
    static boolean fits(Offering wanted, Offering candidate) {
        String a = wanted.acceleratorName() == null ? null : wanted.acceleratorName().toLowerCase(Locale.ROOT);
        String b = candidate.acceleratorName() == null ? null : candidate.acceleratorName().toLowerCase(Locale.ROOT);
        return Objects.equals(a, b) && candidate.acceleratorCount() >= wanted.acceleratorCount()
                && candidate.vcpus() >= wanted.vcpus() && candidate.memoryGib() >= wanted.memoryGib()
                && Objects.equals(candidate.prices().currency(), wanted.prices().currency());
    }
}
