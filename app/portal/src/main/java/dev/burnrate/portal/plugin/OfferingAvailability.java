package dev.burnrate.portal.plugin;

import dev.burnrate.api.Availability;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Region;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The catalog's capacity column: each offering's {@link CloudProvider#availability} answer, asked only for the
 * rows a visitor sees and kept for {@link #TTL} (capacity moves in minutes; a catalog page must not call every
 * plugin for every row again). A provider that throws or hangs answers UNKNOWN with the reason, never an error,
 * and is not asked again for its other rows until the TTL ends.
 */
@Service
public class OfferingAvailability {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Cached(Availability answer, Instant until) {
    }

    private final PluginCatalogService catalog;
    private final Clock clock;
    private final Map<String, Cached> answers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Region>> regions = new ConcurrentHashMap<>();
    /** Providers that failed to answer: not asked again for their other rows until the TTL ends. */
    private final Map<String, Cached> failing = new ConcurrentHashMap<>();

    public OfferingAvailability(PluginCatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Catalog facts, readable by every signed-in user. */
    @PermitAll
    public Availability of(CatalogOffering offering) {
        Instant now = clock.instant();
        Cached cached = answers.get(offering.key());
        if (cached != null && now.isBefore(cached.until())) {
            return cached.answer();
        }
        Cached failed = failing.get(offering.providerId());
        if (failed != null && now.isBefore(failed.until())) {
            return failed.answer();
        }
        Availability answer = ask(offering, now);
        answers.put(offering.key(), new Cached(answer, now.plus(TTL)));
        return answer;
    }

    /** Forgets every answer (after a plugin change or when a user asks to check again). */
    @PermitAll
    public void forget() {
        answers.clear();
        regions.clear();
        failing.clear();
    }

    private Availability ask(CatalogOffering offering, Instant now) {
        try {
            Optional<CloudProvider> provider = catalog.provider(offering.providerId());
            if (provider.isEmpty()) {
                return Availability.unknown("the provider plugin is not running");
            }
            Region region = regions.computeIfAbsent(offering.providerId(), id -> index(provider.get().regions()))
                    .get(offering.offering().regionId());
            if (region == null) {
                return Availability.unknown("the provider no longer lists the region");
            }
            Availability answer = provider.get().availability(offering.offering(), region);
            return answer == null ? Availability.unknown("the provider gave no answer") : answer;
        } catch (RuntimeException e) {
            // one slow or broken provider must not hold the page up once per row
            Availability unknown = Availability.unknown("the provider did not answer: " + e.getMessage());
            failing.put(offering.providerId(), new Cached(unknown, now.plus(TTL)));
            return unknown;
        }
    }

    private static Map<String, Region> index(List<Region> list) {
        Map<String, Region> byId = new ConcurrentHashMap<>();
        list.forEach(r -> byId.put(r.id(), r));
        return byId;
    }
}
