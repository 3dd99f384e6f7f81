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

    static RuleType create(PlannedBudgets plans) {
        return new RuleType("budget",
                "A spending limit per month or quarter with thresholds that notify, ask for approval or deny.",
                ObjectSchema.of(
                        FieldSpec.optional("scope", FieldType.STRING, "whose spend counts: the request's team, "
                                + "its project, or everyone's").allowed("team", "project", "all").defaultValue("team"),
                        FieldSpec.optional("budget", FieldType.STRING, "the id of a budget finance plans "
                                + "(Budget plans); its team or project, period, currency and amount per period "
                                + "apply, and a period it has no amount for has no limit. Instead of amount"),
                        FieldSpec.optional("period", FieldType.STRING, "month or quarter (with amount)")
                                .allowed("month", "quarter"),
                        FieldSpec.optional("amount", FieldType.NUMBER, "the budget per period, in its currency "
                                + "(or name a planned budget)").positive(),
                        FieldSpec.optional("currency", FieldType.STRING, "ISO 4217 code of the amount, e.g. EUR; "
                                + "spend in other currencies counts only at an explicit exchange rate")
                                .defaultValue("USD"),
                        FieldSpec.optional("estimate", FieldType.STRING, "the simulator figure a request costs")
                                .allowed("expected", "p90").defaultValue("expected"),
                        FieldSpec.required("thresholds", FieldType.OBJECT_LIST, "e.g. at 50/80/100 percent")
                                .nested(THRESHOLD)),
                (id, config) -> build(id, config, plans));
    }

    private static BudgetRule build(String id, RuleConfig config, PlannedBudgets plans) throws RuleConfigException {
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
        BudgetRule.Estimate estimate = BudgetRule.Estimate.valueOf(
                config.string("estimate", "expected").toUpperCase(Locale.ROOT));
        if (config.has("budget")) {
            return planned(id, config, plans, estimate, thresholds);
        }
        if (!config.has("amount")) {
            throw config.error("amount", "give an amount per period, or name a planned budget with budget: <id>");
        }
        if (!config.has("period")) {
            throw config.error("period", "give the period of the amount: month or quarter");
        }
        String currency = config.string("currency", "USD");
        try {
            Prices.requireIsoCurrency(currency);
        } catch (IllegalArgumentException e) {
            throw config.error("currency", e.getMessage());
        }
        return new BudgetRule(id, BudgetKey.Scope.valueOf(config.string("scope", "team").toUpperCase(Locale.ROOT)),
                BudgetPeriod.valueOf(config.string("period").orElseThrow().toUpperCase(Locale.ROOT)),
                config.number("amount", 0), estimate, thresholds, currency);
    }

    /** A rule naming a planned budget: its scope, period and currency come from the budget, not the rule. */
    private static BudgetRule planned(String id, RuleConfig config, PlannedBudgets plans,
                                      BudgetRule.Estimate estimate, List<BudgetThreshold> thresholds)
            throws RuleConfigException {
        if (config.has("amount")) {
            throw config.error("amount", "the amount comes from the named budget's plan; remove amount: (or the"
                    + " budget: field)");
        }
        String budgetId = config.string("budget").orElseThrow().strip();
        PlannedBudget plan = plans.find(budgetId).orElseThrow(() -> config.error("budget",
                "there is no budget '" + budgetId + "' (see Budget plans)"));
        BudgetKey.Scope scope = switch (plan.scopeKind()) {
            case "TEAM" -> BudgetKey.Scope.TEAM;
            case "PROJECT" -> BudgetKey.Scope.PROJECT;
            default -> throw config.error("budget", "budget '" + budgetId + "' covers a "
                    + plan.scopeKind().toLowerCase(Locale.ROOT).replace('_', ' ') + " scope; a policy can only "
                    + "name team or project budgets, since a provisioning request carries only its team and project");
        };
        // scope, period and currency come from the budget; a rule may still say them (e.g. one written before it
        // named a budget) as long as they agree
        agree(config, "scope", scope.yamlName(), budgetId);
        agree(config, "period", plan.period().yamlName(), budgetId);
        agree(config, "currency", plan.currency(), budgetId);
        return new BudgetRule(id, scope, plan.period(), 0, estimate, thresholds, plan.currency(), plan);
    }

    private static void agree(RuleConfig config, String field, String budgets, String budgetId)
            throws RuleConfigException {
        String own = config.string(field).orElse(budgets);
        if (!own.equalsIgnoreCase(budgets)) {
            throw config.error(field, "budget '" + budgetId + "' has " + field + " " + budgets + ", not " + own
                    + "; the " + field + " comes from the named budget, so remove " + field + ":");
        }
    }
}
