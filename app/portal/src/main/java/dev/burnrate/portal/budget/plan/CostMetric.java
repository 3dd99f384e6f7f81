package dev.burnrate.portal.budget.plan;

import dev.burnrate.engine.usage.query.Metric;

/** The FOCUS cost column a budget is measured in. EffectiveCost amortises commitments; BilledCost is the invoice. */
public enum CostMetric {
    EFFECTIVE_COST(Metric.EFFECTIVE_COST),
    BILLED_COST(Metric.BILLED_COST),
    LIST_COST(Metric.LIST_COST);

    private final Metric metric;

    CostMetric(Metric metric) {
        this.metric = metric;
    }

    public Metric metric() {
        return metric;
    }

    /** The FOCUS column name, e.g. {@code EffectiveCost}. */
    public String column() {
        return metric.column();
    }
}
