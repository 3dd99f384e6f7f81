package dev.burnrate.plugins.sample;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PriceList;
import dev.burnrate.api.Prices;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The sample's "price API": a list published at the start of each hour, 10% below the shipped on-demand prices
 * (invented like them). A real provider would fetch its price API or published price file here, and answer
 * {@code Optional.empty()} when it has nothing newer than what it shipped.
 */
final class SamplePrices {

    private SamplePrices() {
    }

    static PriceList refreshed(List<Offering> shipped, Instant now) {
        Instant published = now.truncatedTo(ChronoUnit.HOURS);
        List<Offering> offerings = shipped.stream().map(SamplePrices::cheaper).toList();
        return new PriceList(published, offerings, "Sample Cloud price API, list of "
                + published.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private static Offering cheaper(Offering o) {
        Prices p = o.prices();
        Prices lower = new Prices(round(p.onDemand() * 0.9), p.spot(), scaled(p.committed1y()), scaled(p.committed3y()),
                p.committedSource(), p.currency());
        return new Offering(o.providerId(), o.instanceType(), o.regionId(), o.acceleratorName(), o.acceleratorCount(),
                o.vcpus(), o.memoryGib(), o.serviceName(), lower, o.spotInterruptionsPerHour());
    }

    private static Double scaled(Double price) {
        return price == null ? null : round(price * 0.9);
    }

    private static double round(double price) {
        return Math.round(price * 10_000d) / 10_000d;
    }
}
