package dev.burnrate.plugins.support.sandbox;

import dev.burnrate.api.ResourceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The states a sandbox resource passes through, in order: requested, provisioning and running as scheduled at
 * creation, cut short by a stop or a delete.
 */
public final class Timeline {
    /** A state and the instant it began. */
    public record Event(ResourceState state, Instant at) {
    }

    private final List<Event> events;

    Timeline(SandboxResource resource) {
        Instant cut = earliest(resource.stoppedAt(), resource.deletedAt());
        List<Event> list = new ArrayList<>();
        list.add(new Event(ResourceState.REQUESTED, resource.requestedAt()));
        addIfBefore(list, ResourceState.PROVISIONING, resource.provisioningAt(), cut);
        addIfBefore(list, ResourceState.RUNNING, resource.runningAt(), cut);
        if (resource.stoppedAt() != null
                && (resource.deletedAt() == null || resource.stoppedAt().isBefore(resource.deletedAt()))) {
            list.add(new Event(ResourceState.STOPPED, resource.stoppedAt()));
        }
        if (resource.deletedAt() != null) {
            list.add(new Event(ResourceState.DELETED, resource.deletedAt()));
        }
        this.events = List.copyOf(list);
    }

    public List<Event> events() {
        return events;
    }

    /** The state at {@code now} and when it began. */
    public Event at(Instant now) {
        Event current = events.get(0);
        for (Event event : events) {
            if (!event.at().isAfter(now)) {
                current = event;
            }
        }
        return current;
    }

    /**
     * The periods in {@code [from, to)} in which the resource was billed (provisioning or running), as
     * {@code [start, end)} pairs.
     */
    public List<Instant[]> billedPeriods(Instant from, Instant to) {
        List<Instant[]> periods = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (!event.state().isBilled()) {
                continue;
            }
            Instant start = later(event.at(), from);
            Instant end = i + 1 < events.size() ? earliest(events.get(i + 1).at(), to) : to;
            if (start.isBefore(end)) {
                periods.add(new Instant[] {start, end});
            }
        }
        return periods;
    }

    private static void addIfBefore(List<Event> list, ResourceState state, Instant at, Instant cut) {
        if (at != null && (cut == null || at.isBefore(cut))) {
            list.add(new Event(state, at));
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
