package dev.burnrate.plugins.support.catalog;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Collapses per-zone prices into one offering per instance type and region. On-demand prices are the same in every
 * zone of a region in the catalogs; if they ever differ the highest is kept (an estimate should not be too low).
 * Spot prices do differ by zone: the lowest is kept, because a spot user picks the cheapest zone (as SkyPilot does).
 * Spot at or above on-demand is real data and kept, but noted.
 */
public final class OfferingAssembler {
    public static final String UNKNOWN_REGION = "unknown-region";
    public static final String SPOT_NOT_CHEAPER = "spot-not-cheaper";
    public static final String ZONES_DISAGREE = "zones-disagree";

    private final String providerId;
    private final Function<PricedRow, String> serviceName;
    private final Function<PricedRow, CommitmentTerms> terms;

    /** @param terms how committed prices are derived, or {@code null} when the provider has none */
    public OfferingAssembler(String providerId, String serviceName, CommitmentTerms terms) {
        this(providerId, row -> serviceName, row -> terms);
    }

    /**
     * For providers whose instance types differ in billing service or commitment levels (GCP TPUs are billed as
     * Cloud TPU, with their own committed-use discounts).
     */
    public OfferingAssembler(String providerId, Function<PricedRow, String> serviceName,
                             Function<PricedRow, CommitmentTerms> terms) {
        this.providerId = providerId;
        this.serviceName = serviceName;
        this.terms = terms;
    }

    public List<Offering> assemble(List<PricedRow> rows, Map<String, Region> regions, CatalogReport report) {
        Map<String, List<PricedRow>> groups = new LinkedHashMap<>();
        for (PricedRow row : rows) {
            if (!regions.containsKey(row.region())) {
                report.note(row.line(), UNKNOWN_REGION, "region '" + row.region()
                        + "' has no entry in the region table (jurisdiction and compliance unknown), skipped");
                continue;
            }
            groups.computeIfAbsent(row.instanceType() + "\u0000" + row.region(), k -> new ArrayList<>()).add(row);
        }
        List<Offering> offerings = new ArrayList<>(groups.size());
        for (List<PricedRow> group : groups.values()) {
            offerings.add(collapse(group, report));
        }
        offerings.sort(Comparator.comparing(Offering::regionId).thenComparing(Offering::instanceType));
        return List.copyOf(offerings);
    }

    private Offering collapse(List<PricedRow> zones, CatalogReport report) {
        PricedRow first = zones.get(0);
        double onDemand = first.onDemand();
        Double spot = null;
        for (PricedRow zone : zones) {
            if (!sameShape(first, zone)) {
                report.note(zone.line(), ZONES_DISAGREE, first.instanceType() + " has a different shape in "
                        + zone.zone() + " than on line " + first.line() + "; the first row's shape is kept");
            }
            if (zone.onDemand() != first.onDemand()) {
                report.note(zone.line(), ZONES_DISAGREE, "on-demand " + zone.onDemand() + " differs from "
                        + first.onDemand() + " in the same region; the highest is kept");
                onDemand = Math.max(onDemand, zone.onDemand());
            }
            if (zone.spot() != null && (spot == null || zone.spot() < spot)) {
                spot = zone.spot();
            }
        }
        if (spot != null && spot >= onDemand) {
            report.note(first.line(), SPOT_NOT_CHEAPER, first.instanceType() + " in " + first.region() + ": spot "
                    + spot + " >= on-demand " + onDemand + " (kept: it is what the provider charges)");
        }
        CommitmentTerms commitment = terms.apply(first);
        Prices prices = commitment == null ? new Prices(onDemand, spot, null, null, null)
                : commitment.prices(onDemand, spot);
        return new Offering(providerId, first.instanceType(), first.region(), first.acceleratorName(),
                first.acceleratorCount(), first.vcpus(), first.memoryGib(), serviceName.apply(first), prices);
    }

    private static boolean sameShape(PricedRow a, PricedRow b) {
        return Objects.equals(a.acceleratorName(), b.acceleratorName()) && a.acceleratorCount() == b.acceleratorCount()
                && a.vcpus() == b.vcpus() && a.memoryGib() == b.memoryGib();
    }
}
