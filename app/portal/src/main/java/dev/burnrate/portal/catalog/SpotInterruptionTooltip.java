package dev.burnrate.portal.catalog;

import dev.burnrate.api.Offering;
import dev.burnrate.portal.plugin.CatalogOffering;
import java.util.Locale;

/** The catalog's spot price tooltip: what the provider says about interruptions, as a share per month. */
final class SpotInterruptionTooltip {

    private SpotInterruptionTooltip() {
    }

    static String of(CatalogOffering o) {
        Double rate = o.offering().spotInterruptionsPerHour();
        if (o.offering().prices().spot() == null) {
            return "no spot offer";
        }
        if (rate == null) {
            return "the provider publishes no interruption rate; simulations use the rate you give";
        }
        return String.format(Locale.ROOT, "the provider expects %.1f%% of spot instances to be interrupted within a"
                + " month (%.5f per instance-hour)", 100 * Offering.monthlyShareFromInterruptionsPerHour(rate), rate);
    }
}
