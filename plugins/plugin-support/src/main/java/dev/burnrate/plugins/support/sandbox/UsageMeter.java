package dev.burnrate.plugins.support.sandbox;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.api.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a sandbox resource's billed periods into FOCUS-shaped rows, one per clock hour (UTC) in which it was
 * billed, priced at the unit price fixed when it was created. Committed resources are metered like the others
 * (per hour used); the unused part of a commitment is the portal's concern, not the provider's.
 */
final class UsageMeter {
    private static final double MILLIS_PER_HOUR = 3_600_000d;

    private final String providerId;
    private final String providerName;

    UsageMeter(String providerId, String providerName) {
        this.providerId = providerId;
        this.providerName = providerName;
    }

    List<UsageRecord> meter(SandboxResource resource, Instant from, Instant to) {
        List<UsageRecord> rows = new ArrayList<>();
        for (Instant[] period : resource.timeline().billedPeriods(from, to)) {
            Instant start = period[0];
            while (start.isBefore(period[1])) {
                Instant hourEnd = start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
                Instant end = hourEnd.isBefore(period[1]) ? hourEnd : period[1];
                rows.add(row(resource, start, end));
                start = end;
            }
        }
        return mergeWithinHours(rows, resource);
    }

    /** A provisioning period and the running period after it can share an hour: one row per hour. */
    private List<UsageRecord> mergeWithinHours(List<UsageRecord> rows, SandboxResource resource) {
        List<UsageRecord> merged = new ArrayList<>();
        for (UsageRecord row : rows) {
            UsageRecord last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.chargePeriodEnd().equals(row.chargePeriodStart())
                    && sameHour(last.chargePeriodStart(), row.chargePeriodStart())) {
                merged.set(merged.size() - 1, row(resource, last.chargePeriodStart(), row.chargePeriodEnd()));
            } else {
                merged.add(row);
            }
        }
        return merged;
    }

    private static boolean sameHour(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.HOURS).equals(b.truncatedTo(ChronoUnit.HOURS));
    }

    private UsageRecord row(SandboxResource r, Instant start, Instant end) {
        if (r.instanceType().startsWith(StorageOffering.INSTANCE_TYPE_PREFIX)) {
            return storageRow(r, start, end);
        }
        double hours = Duration.between(start, end).toMillis() / MILLIS_PER_HOUR;
        double quantity = hours * r.count();
        double cost = r.unitPrice() * quantity;
        String accelerator = r.acceleratorName() == null ? "" : " (" + r.acceleratorName() + " x"
                + r.acceleratorCount() + ")";
        String description = String.format(Locale.ROOT, "%d x %s%s in %s, %s, sandbox", r.count(), r.instanceType(),
                accelerator, r.regionId(), r.option().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return new UsageRecord("sandbox-" + providerId, r.tags().getOrDefault("team", "unassigned"), start, end,
                "Usage", description, pricingCategory(r.option()), cost, cost, r.listUnitPrice() * quantity, cost,
                "USD", quantity, "Hours", quantity, "Hours", providerName, r.serviceName(), "Compute", r.regionId(),
                r.id(), r.name(), "Virtual Machine", r.instanceType() + ":" + r.option().name(), r.tags());
    }

    /**
     * A bucket of {@code count} GB: quantity in GB-months pro-rated by the hour (GB x hours / 730). The unit price
     * is per GB-hour, so the cost is the same price x GB x hours as for compute.
     */
    private UsageRecord storageRow(SandboxResource r, Instant start, Instant end) {
        double hours = Duration.between(start, end).toMillis() / MILLIS_PER_HOUR;
        double gbMonths = hours * r.count() / StorageOffering.HOURS_PER_MONTH;
        double cost = r.unitPrice() * hours * r.count();
        double list = r.listUnitPrice() * hours * r.count();
        String storageClass = r.instanceType().substring(StorageOffering.INSTANCE_TYPE_PREFIX.length());
        String description = String.format(Locale.ROOT, "%d GB %s bucket in %s, sandbox", r.count(), storageClass,
                r.regionId());
        return new UsageRecord("sandbox-" + providerId, r.tags().getOrDefault("team", "unassigned"), start, end,
                "Usage", description, pricingCategory(r.option()), cost, cost, list, cost,
                "USD", gbMonths, "GB-Month", gbMonths, "GB-Month", providerName, r.serviceName(), "Storage",
                r.regionId(), r.id(), r.name(), "Storage Bucket", r.instanceType() + ":" + r.option().name(),
                r.tags());
    }

    /** FOCUS PricingCategory values. */
    static String pricingCategory(PurchaseOption option) {
        return switch (option) {
            case ON_DEMAND -> "Standard";
            case SPOT -> "Dynamic";
            case COMMITTED_1Y, COMMITTED_3Y -> "Committed";
        };
    }
}
