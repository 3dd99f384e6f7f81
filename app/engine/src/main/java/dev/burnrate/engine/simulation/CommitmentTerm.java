package dev.burnrate.engine.simulation;

import dev.burnrate.api.PurchaseOption;

import java.util.Locale;

/**
 * The term of a committed purchase: a 1-year or 3-year commitment is paid for every hour of its term, whatever
 * runs on it, so it is priced over the whole term and recommended only for a workload that spans it.
 */
public final class CommitmentTerm {

    public static final double HOURS_PER_YEAR = 8760;

    private CommitmentTerm() {
    }

    public static boolean isCommitment(PurchaseOption option) {
        return option == PurchaseOption.COMMITTED_1Y || option == PurchaseOption.COMMITTED_3Y;
    }

    public static double hours(PurchaseOption option) {
        return switch (option) {
            case COMMITTED_1Y -> HOURS_PER_YEAR;
            case COMMITTED_3Y -> 3 * HOURS_PER_YEAR;
            default -> throw new IllegalArgumentException(option + " is not a commitment");
        };
    }

    public static int months(PurchaseOption option) {
        return option == PurchaseOption.COMMITTED_1Y ? 12 : 36;
    }

    /** What a commitment obliges the buyer to pay over its whole term. */
    public static double obligation(PurchaseOption option, double hourlyPrice, double units) {
        return hourlyPrice * units * hours(option);
    }

    /** e.g. {@code "a 3-year commitment obliges you to pay $43.00/h for 2 instances for 36 months: $2,260,080"}. */
    public static String obligationText(PurchaseOption option, double hourlyPrice, double units) {
        return String.format(Locale.ROOT, "a %s obliges you to pay $%,.2f/h for %s for %d months (%,.0f h): $%,.0f",
                ComparisonRow.optionName(option), hourlyPrice, units == 1 ? "1 instance"
                        : String.format(Locale.ROOT, units == Math.rint(units) ? "%,.0f instances" : "%,.1f instances",
                        units), months(option), hours(option),
                obligation(option, hourlyPrice, units));
    }
}
