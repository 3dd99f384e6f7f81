package dev.burnrate.engine.policy.budget;

import dev.burnrate.api.Prices;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.FieldType;
import dev.burnrate.engine.policy.schema.ObjectSchema;
import dev.burnrate.engine.policy.schema.RuleConfig;
import dev.burnrate.engine.policy.schema.RuleConfigException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code budget} rule type: its schema and how a validated configuration becomes a {@link BudgetRule}. */
final class BudgetRuleType {

    private static final ObjectSchema THRESHOLD = ObjectSchema.of(
            FieldSpec.required("at", FieldType.NUMBER, "percent of the amount, e.g. 80").positive(),
            FieldSpec.required("action", FieldType.STRING, "what crossing it asks for")
                    .allowed(RuleAction.yamlNames()),
            FieldSpec.optional("basis", FieldType.STRING,
                    "committed (actual + committed + request), projected (forecast P50 to period end) or"
                            + " projected-p90 (the forecast's P90)")
                    .allowed("committed", "projected", "projected-p90").defaultValue("committed"));

    private BudgetRuleType() {
    }

    static RuleType create() {
        return new RuleType("budget",
                "A spending limit per month or quarter with thresholds that notify, ask for approval or deny.",
                ObjectSchema.of(
                        FieldSpec.optional("scope", FieldType.STRING, "whose spend counts: the request's team, "
                                + "its project, or everyone's").allowed("team", "project", "all").defaultValue("team"),
                        FieldSpec.required("period", FieldType.STRING, "month or quarter").allowed("month", "quarter"),
                        FieldSpec.required("amount", FieldType.NUMBER, "the budget per period, in its currency")
                                .positive(),
                        FieldSpec.optional("currency", FieldType.STRING, "ISO 4217 code of the amount, e.g. EUR; "
                                + "spend in other currencies counts only at an explicit exchange rate")
                                .defaultValue("USD"),
                        FieldSpec.optional("estimate", FieldType.STRING, "the simulator figure a request costs")
                                .allowed("expected", "p90").defaultValue("expected"),
                        FieldSpec.required("thresholds", FieldType.OBJECT_LIST, "e.g. at 50/80/100 percent")
                                .nested(THRESHOLD)),
                BudgetRuleType::build);
    }

    private static BudgetRule build(String id, RuleConfig config) throws RuleConfigException {
        List<BudgetThreshold> thresholds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<RuleConfig> items = config.objects("thresholds");
        for (int i = 0; i < items.size(); i++) {
            RuleConfig item = items.get(i);
            BudgetThreshold threshold = new BudgetThreshold(item.number("at", 0),
                    RuleAction.fromYaml(item.string("action").orElseThrow()),
                    BudgetThreshold.Basis.fromYaml(item.string("basis", "committed")));
            if (!seen.add(threshold.label())) {
                throw config.error("thresholds", i, "a second threshold at " + threshold.label());
            }
            thresholds.add(threshold);
        }
        if (thresholds.isEmpty()) {
            throw config.error("thresholds", "give at least one threshold");
        }
        String currency = config.string("currency", "USD");
        try {
            Prices.requireIsoCurrency(currency);
        } catch (IllegalArgumentException e) {
            throw config.error("currency", e.getMessage());
        }
        return new BudgetRule(id, BudgetKey.Scope.valueOf(config.string("scope", "team").toUpperCase(Locale.ROOT)),
                BudgetPeriod.valueOf(config.string("period").orElseThrow().toUpperCase(Locale.ROOT)),
                config.number("amount", 0),
                BudgetRule.Estimate.valueOf(config.string("estimate", "expected").toUpperCase(Locale.ROOT)),
                thresholds, currency);
    }
}
