package dev.burnrate.api;

import java.util.Currency;

/**
 * Hourly prices of one offering per instance-hour, in {@link #currency}. {@code null} means the provider does not
 * sell it that way (e.g. no spot offer). Spot may equal or exceed on-demand at times; that is real data, not an
 * error.
 *
 * @param committedSource where the committed prices come from: {@code "catalog"} when published per SKU, or a
 *                        sentence saying how they were derived (e.g. from a public average discount level)
 * @param currency        the ISO 4217 code all prices are in, e.g. {@code USD} or {@code EUR} (since API 1.2.0;
 *                        plugins built against 1.0 or 1.1 use the five-argument constructor and get USD). The portal
 *                        never adds prices in another currency to a budget without an exchange rate.
 */
public record Prices(double onDemand, Double spot, Double committed1y, Double committed3y, String committedSource,
                     String currency) {

    /** The currency of plugins built against API 1.0 and 1.1, whose prices had none. */
    public static final String DEFAULT_CURRENCY = "USD";

    public Prices {
        if (!(onDemand >= 0) || Double.isInfinite(onDemand)) {
            throw new IllegalArgumentException("on-demand price must be a finite, non-negative number: " + onDemand);
        }
        currency = requireIsoCurrency(currency);
    }

    /** Prices in USD: the constructor of API 1.0 and 1.1, kept so that plugins built against them still load. */
    public Prices(double onDemand, Double spot, Double committed1y, Double committed3y, String committedSource) {
        this(onDemand, spot, committed1y, committed3y, committedSource, DEFAULT_CURRENCY);
    }

    /** These prices in another currency code (the amounts are not converted). */
    public Prices inCurrency(String code) {
        return new Prices(onDemand, spot, committed1y, committed3y, committedSource, code);
    }

    /**
     * The code when it is an upper-case ISO 4217 currency code.
     *
     * @throws IllegalArgumentException naming the code otherwise
     */
    public static String requireIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code such as USD: " + code);
        }
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency is not an ISO 4217 code: " + code, e);
        }
        return code;
    }

    /** The price for an option, or {@code null} if the offering cannot be bought that way. */
    public Double forOption(PurchaseOption option) {
        return switch (option) {
            case ON_DEMAND -> onDemand;
            case SPOT -> spot;
            case COMMITTED_1Y -> committed1y;
            case COMMITTED_3Y -> committed3y;
        };
    }
}
