package dev.burnrate.portal.plugin;

import dev.burnrate.api.Offering;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying a new list would change for a provider, offering by offering (matched by {@link Offering#key()}):
 * offerings new in the list, offerings it no longer has, and offerings whose on-demand or spot price differs.
 */
public record PriceListDiff(List<Offering> added, List<Offering> removed, List<Change> changed, int unchanged) {

    /** One offering's prices before and after. */
    public record Change(Offering before, Offering after) {
    }

    public static PriceListDiff between(List<Offering> before, List<Offering> after) {
        Map<String, Offering> old = new LinkedHashMap<>();
        before.forEach(o -> old.put(o.key(), o));
        List<Offering> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int unchanged = 0;
        for (Offering now : after) {
            Offering was = old.remove(now.key());
            if (was == null) {
                added.add(now);
            } else if (was.prices().onDemand() != now.prices().onDemand()
                    || !Objects.equals(was.prices().spot(), now.prices().spot())) {
                changed.add(new Change(was, now));
            } else {
                unchanged++;
            }
        }
        return new PriceListDiff(List.copyOf(added), List.copyOf(old.values()), List.copyOf(changed), unchanged);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public String summary() {
        return added.size() + " new, " + removed.size() + " removed, " + changed.size() + " changed prices, "
                + unchanged + " unchanged";
    }
}
