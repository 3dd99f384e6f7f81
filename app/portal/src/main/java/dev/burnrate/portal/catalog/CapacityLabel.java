package dev.burnrate.portal.catalog;

import dev.burnrate.api.Availability;

/** The catalog's short word for a provider's capacity answer. */
final class CapacityLabel {

    private CapacityLabel() {
    }

    static String of(Availability answer) {
        return switch (answer.state()) {
            case AVAILABLE -> "In stock";
            case QUOTA_EXCEEDED -> "Quota used up";
            case SOLD_OUT -> "Sold out";
            case UNAVAILABLE -> "Unavailable";
            case UNKNOWN -> "—";
        };
    }
}
