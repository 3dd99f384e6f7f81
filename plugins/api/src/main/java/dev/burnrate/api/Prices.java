package dev.burnrate.api;

/**
 * Hourly prices of one offering in USD per instance-hour. {@code null} means the provider does not sell it that
 * way (e.g. no spot offer). Spot may equal or exceed on-demand at times; that is real data, not an error.
 *
 * @param committedSource where the committed prices come from: {@code "catalog"} when published per SKU, or a
 *                        sentence saying how they were derived (e.g. from a public average discount level)
 */
public record Prices(double onDemand, Double spot, Double committed1y, Double committed3y, String committedSource) {

    public Prices {
        if (!(onDemand >= 0) || Double.isInfinite(onDemand)) {
            throw new IllegalArgumentException("on-demand price must be a finite, non-negative number: " + onDemand);
        }
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
