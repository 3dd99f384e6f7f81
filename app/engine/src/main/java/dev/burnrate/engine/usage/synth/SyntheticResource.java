package dev.burnrate.engine.usage.synth;

/**
 * One generated instance: what it runs, for whom, how it is bought, and when it is on.
 *
 * @param kind       INFERENCE is always on, DEV follows office hours on weekdays (the weekly seasonality),
 *                   TRAINING runs in day-long bursts, rarer at weekends
 * @param firstHour  first hour it exists (relative to the generator start)
 * @param lastHour   hour after the last one it exists
 * @param csvPrefix  the columns that never change for it, already CSV-encoded
 */
record SyntheticResource(int id, SkuSpec sku, String team, Kind kind, Purchase purchase, int firstHour, int lastHour,
                         double billed, double effective, double list, double contracted, String csvPrefix,
                         String csvSuffix) {

    enum Kind { INFERENCE, DEV, TRAINING }

    enum Purchase {
        ON_DEMAND("Standard"), SPOT("Dynamic"), COMMITTED("Committed");

        final String pricingCategory;

        Purchase(String pricingCategory) {
            this.pricingCategory = pricingCategory;
        }
    }
}
