package dev.burnrate.plugins.support.catalog;

import dev.burnrate.api.Prices;
import java.util.Locale;

/**
 * Committed-use prices derived from a provider's public discount levels, for catalogs that publish none.
 *
 * @param discount1y fraction off on-demand for a one-year commitment, e.g. 0.37
 * @param discount3y fraction off on-demand for a three-year commitment, e.g. 0.55
 * @param basis      the public source of those levels, quoted in every offering's {@link Prices#committedSource()}
 */
public record CommitmentTerms(double discount1y, double discount3y, String basis) {

    public CommitmentTerms {
        if (!(discount1y >= 0 && discount1y < 1 && discount3y >= discount1y && discount3y < 1)) {
            throw new IllegalArgumentException("discounts must satisfy 0 <= 1y <= 3y < 1: " + discount1y + ", "
                    + discount3y);
        }
    }

    public Prices prices(double onDemand, Double spot) {
        String source = String.format(Locale.ROOT,
                "derived, not from the catalog: on-demand less %.0f%% (1 year) and %.0f%% (3 years); %s",
                discount1y * 100, discount3y * 100, basis);
        return new Prices(onDemand, spot, round(onDemand * (1 - discount1y)), round(onDemand * (1 - discount3y)),
                source);
    }

    /** Prices to the hundred-thousandth of a dollar, like the catalogs. */
    static double round(double price) {
        return Math.round(price * 100_000d) / 100_000d;
    }
}
