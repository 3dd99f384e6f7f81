package dev.burnrate.portal.plugin;

import dev.burnrate.api.Offering;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which applied price list is in effect for each provider (read from {@link PriceListRepository} once, and again
 * after each apply). The newest list whose effective date has passed replaces the provider's own offerings, whole:
 * the catalog and new estimates see either all old or all new prices, never a mix.
 */
@Component
public class PriceLists {

    /** Changes whenever which lists are in effect may have changed: an apply, or a pending list's date passing. */
    public record State(long applied, long inEffect) {
    }

    private final Supplier<List<StoredPriceList>> repository;
    private final Clock clock;
    private final AtomicLong applied = new AtomicLong();
    private volatile List<StoredPriceList> lists;

    @Autowired
    public PriceLists(PriceListRepository repository, Clock clock) {
        this(repository::all, clock);
    }

    PriceLists(Supplier<List<StoredPriceList>> source, Clock clock) {
        this.repository = source;
        this.clock = clock;
    }

    /** No applied lists ever: every provider's own offerings (for tests without a database). */
    public static PriceLists none(Clock clock) {
        return new PriceLists(List::of, clock);
    }

    /** The list in effect for a provider now, if an administrator applied one. */
    public Optional<StoredPriceList> inEffect(String providerId) {
        Instant now = clock.instant();
        return lists().stream().filter(l -> l.providerId().equals(providerId) && !l.effectiveFrom().isAfter(now))
                .max(Comparator.comparing(StoredPriceList::effectiveFrom).thenComparing(StoredPriceList::id));
    }

    /** The next list of a provider that takes effect later, if any. */
    public Optional<StoredPriceList> pending(String providerId) {
        Instant now = clock.instant();
        return lists().stream().filter(l -> l.providerId().equals(providerId) && l.effectiveFrom().isAfter(now))
                .min(Comparator.comparing(StoredPriceList::effectiveFrom).thenComparing(StoredPriceList::id));
    }

    /** The offerings to use for a provider: those of its list in effect, else its own. */
    public List<Offering> offerings(String providerId, List<Offering> fromPlugin) {
        return inEffect(providerId).map(StoredPriceList::offerings).orElse(fromPlugin);
    }

    public State state() {
        Instant now = clock.instant();
        return new State(applied.get(), lists().stream().filter(l -> !l.effectiveFrom().isAfter(now)).count());
    }

    /** Reads the lists again; call after a list was committed. */
    public void reload() {
        lists = List.copyOf(repository.get());
        applied.incrementAndGet();
    }

    private List<StoredPriceList> lists() {
        List<StoredPriceList> current = lists;
        if (current == null) {
            synchronized (this) {
                if (lists == null) {
                    lists = List.copyOf(repository.get());
                }
                current = lists;
            }
        }
        return current;
    }
}
