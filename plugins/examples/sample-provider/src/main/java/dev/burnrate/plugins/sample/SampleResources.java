package dev.burnrate.plugins.sample;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The sample's resources, one state-store entry each: {@code offeringKey|count|option|price|created|stopped|deleted}
 * (times as epoch milliseconds, -1 when not yet). A resource provisions for a minute, then runs.
 */
final class SampleResources {
    private static final Duration BOOT = Duration.ofMinutes(1);

    private final PluginContext context;
    private final Function<String, Offering> offerings;

    SampleResources(PluginContext context, Function<String, Offering> offerings) {
        this.context = context;
        this.offerings = offerings;
    }

    private record Entry(String offeringKey, int count, String option, double price, long created, long stopped,
                         long deleted) {
        static Entry parse(String text) {
            String[] f = text.split("\\|");
            return new Entry(f[0], Integer.parseInt(f[1]), f[2], Double.parseDouble(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]));
        }

        String format() {
            return String.join("|", offeringKey, Integer.toString(count), option, Double.toString(price),
                    Long.toString(created), Long.toString(stopped), Long.toString(deleted));
        }

        /** The end of billing: the first of stop and delete, or -1 while it still runs. */
        long billedUntil() {
            if (stopped >= 0 && deleted >= 0) {
                return Math.min(stopped, deleted);
            }
            return Math.max(stopped, deleted);
        }
    }

    synchronized ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        // The request id is the resource id: a retried request finds what the first attempt made.
        String id = "sample-" + request.requestId();
        if (context.store().get(id).isPresent()) {
            return status(id);
        }
        Offering offering = offerings.apply(request.offering().key());
        if (offering == null || !SampleCloudProvider.ID.equals(request.offering().providerId())) {
            throw new ProvisioningException("Sample Cloud has no offering " + request.offering().key());
        }
        Double price = offering.prices().forOption(request.purchaseOption());
        if (price == null) {
            throw new ProvisioningException(offering.instanceType() + " is not sold as " + request.purchaseOption());
        }
        long now = context.clock().millis();
        context.store().put(id, new Entry(offering.key(), request.count(), request.purchaseOption().name(), price,
                now, -1, -1).format());
        return status(id);
    }

    synchronized ResourceStatus stop(String id) throws ProvisioningException {
        Entry e = find(id);
        if (e.deleted() >= 0) {
            throw new ProvisioningException(id + " is deleted");
        }
        if (e.stopped() < 0) {
            context.store().put(id, new Entry(e.offeringKey(), e.count(), e.option(), e.price(), e.created(),
                    context.clock().millis(), -1).format());
        }
        return status(id);
    }

    synchronized ResourceStatus deprovision(String id) throws ProvisioningException {
        Entry e = find(id);
        if (e.deleted() < 0) {
            context.store().put(id, new Entry(e.offeringKey(), e.count(), e.option(), e.price(), e.created(),
                    e.stopped(), context.clock().millis()).format());
        }
        return status(id);
    }

    ResourceStatus status(String id) throws ProvisioningException {
        Entry e = find(id);
        long now = context.clock().millis();
        ResourceState state;
        long since;
        if (e.deleted() >= 0 && e.deleted() <= now) {
            state = ResourceState.DELETED;
            since = e.deleted();
        } else if (e.stopped() >= 0 && e.stopped() <= now) {
            state = ResourceState.STOPPED;
            since = e.stopped();
        } else if (now >= e.created() + BOOT.toMillis()) {
            state = ResourceState.RUNNING;
            since = e.created() + BOOT.toMillis();
        } else {
            state = ResourceState.PROVISIONING;
            since = e.created();
        }
        return new ResourceStatus(id, state, Instant.ofEpochMilli(since), e.count() + " x " + e.offeringKey());
    }

    /** One usage row per clock hour in which the resource was provisioning or running. */
    List<UsageRecord> meter(String id, Instant from, Instant to) throws ProvisioningException {
        Entry e = find(id);
        long end = e.billedUntil() < 0 ? context.clock().millis() : e.billedUntil();
        Instant start = Instant.ofEpochMilli(Math.max(e.created(), from.toEpochMilli()));
        Instant stop = Instant.ofEpochMilli(Math.min(end, Math.min(to.toEpochMilli(), context.clock().millis())));
        List<UsageRecord> rows = new ArrayList<>();
        while (start.isBefore(stop)) {
            Instant next = start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant rowEnd = next.isBefore(stop) ? next : stop;
            double hours = Duration.between(start, rowEnd).toMillis() / 3_600_000d * e.count();
            Offering offering = offerings.apply(e.offeringKey());
            rows.add(new UsageRecord("sample-account", null, start, rowEnd, "Usage", e.count() + " x "
                    + e.offeringKey(), "Standard", e.price() * hours, e.price() * hours,
                    offering.prices().onDemand() * hours, e.price() * hours, "USD", hours, "Hours", hours, "Hours",
                    "Sample Cloud", offering.serviceName(), "Compute", offering.regionId(), id, id,
                    "Virtual Machine", offering.instanceType(), null));
            start = rowEnd;
        }
        return rows;
    }

    /** Accelerators held by resources not yet stopped or deleted: what counts against the sample's GPU quota. */
    synchronized int acceleratorsInUse() {
        int used = 0;
        for (String text : context.store().list("sample-").values()) {
            Entry e = Entry.parse(text);
            Offering offering = offerings.apply(e.offeringKey());
            if (e.billedUntil() < 0 && offering != null) {
                used += e.count() * offering.acceleratorCount();
            }
        }
        return used;
    }

    private Entry find(String id) throws ProvisioningException {
        return Entry.parse(context.store().get(id)
                .orElseThrow(() -> new ProvisioningException("Sample Cloud has no resource " + id)));
    }
}
