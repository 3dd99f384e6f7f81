package dev.burnrate.portal.budget.plan;

import dev.burnrate.engine.usage.query.UsageQuery;
import java.util.Objects;

/**
 * What spend a budget covers: one team, one project, one billing account, one service, or the rows carrying a
 * tag value ({@code key=value}). Teams are matched on the dataset's team tag and projects on the {@code project}
 * tag, as everywhere else in Burnrate.
 */
public record BudgetScope(Kind kind, String value) {

    public enum Kind {
        TEAM("Team"),
        PROJECT("Project"),
        BILLING_ACCOUNT("Billing account"),
        SERVICE("Service"),
        TAG("Tag");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final String PROJECT_TAG = "project";

    public BudgetScope {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind.label() + " scope needs a value");
        }
        value = value.strip();
        if (kind == Kind.TAG) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException("Tag scope \"" + value + "\" must read key=value, e.g. cost-center=cc-42");
            }
        }
    }

    /** The tag key of a {@link Kind#TAG} scope. */
    public String tagKey() {
        return value.substring(0, value.indexOf('=')).strip();
    }

    /** The tag value of a {@link Kind#TAG} scope. */
    public String tagValue() {
        return value.substring(value.indexOf('=') + 1).strip();
    }

    /** Restricts a usage query to the rows this scope covers; {@code teamTagKey} is the dataset's team tag. */
    public UsageQuery.Builder applyTo(UsageQuery.Builder query, String teamTagKey) {
        return switch (kind) {
            case TEAM -> query.whereTag(teamTagKey, value);
            case PROJECT -> query.whereTag(PROJECT_TAG, value);
            case BILLING_ACCOUNT -> query.where("BillingAccountId", value);
            case SERVICE -> query.where("ServiceName", value);
            case TAG -> query.whereTag(tagKey(), tagValue());
        };
    }

    @Override
    public String toString() {
        return kind.label() + " " + value;
    }
}
