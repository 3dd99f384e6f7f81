package dev.burnrate.engine.forecast;

/**
 * The seasonal cycles of a batch, in steps: {@code primary} (1 = none) and an optional longer {@code secondary}
 * (0 = none). Hourly data has 24 and 168 (day and week); the secondary cycle is only derived for a primary of 24,
 * the one frequency where a week is a natural multiple.
 */
public record Seasons(int primary, int secondary) {

    public Seasons {
        if (primary < 1) {
            throw new IllegalArgumentException("the seasonal period must be at least 1: " + primary);
        }
        if (secondary != 0 && (secondary <= primary || secondary % primary != 0)) {
            throw new IllegalArgumentException("the second seasonal period must be a multiple of the first ("
                    + primary + "): " + secondary);
        }
    }

    /** One cycle of {@code period} steps, plus the week when the period is a day of hours. */
    public static Seasons of(int period) {
        return new Seasons(period, period == 24 ? 168 : 0);
    }

    public boolean seasonal() {
        return primary > 1;
    }

    /** The longest cycle in use. */
    public int longest() {
        return secondary > 0 ? secondary : primary;
    }
}
