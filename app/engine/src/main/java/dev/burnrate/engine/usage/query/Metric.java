package dev.burnrate.engine.usage.query;

/** The summable FOCUS metrics. */
public enum Metric {
    BILLED_COST("BilledCost"),
    EFFECTIVE_COST("EffectiveCost"),
    LIST_COST("ListCost"),
    CONTRACTED_COST("ContractedCost"),
    CONSUMED_QUANTITY("ConsumedQuantity");

    private final String column;

    Metric(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
