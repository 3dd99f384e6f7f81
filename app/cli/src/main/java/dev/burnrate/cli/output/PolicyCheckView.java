package dev.burnrate.cli.output;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A policy check as people read it: the decision first, then the offering it was judged on, reasons and budgets. */
public final class PolicyCheckView {

    private PolicyCheckView() {
    }

    public static String render(JsonNode check) {
        String decision = check.path("decision").asString("");
        StringBuilder out = new StringBuilder("Decision: ").append(decision).append(" (").append(meaning(decision))
                .append(")\n");
        JsonNode offering = check.get("offering");
        if (offering != null && offering.isObject()) {
            out.append("Offering: ").append(EstimateView.text(offering, "provider")).append(' ')
                    .append(EstimateView.text(offering, "region")).append(' ')
                    .append(EstimateView.text(offering, "instanceType")).append(" x")
                    .append(EstimateView.text(offering, "instances")).append(" (")
                    .append(EstimateView.accelerators(offering)).append(" each), ")
                    .append(EstimateView.text(offering, "purchaseOption")).append(": expected ")
                    .append(Amounts.money(offering.get("expected"))).append(", P90 ")
                    .append(Amounts.money(offering.get("p90"))).append(' ')
                    .append(EstimateView.text(offering, "currency")).append('\n');
        }
        out.append('\n');
        JsonNode violations = check.path("violations");
        if (violations.isEmpty()) {
            out.append("Reasons: none, no policy rule objects.\n");
        } else {
            TextTable reasons = new TextTable(List.of("OUTCOME", "RULE", "MESSAGE"));
            violations.forEach(v -> reasons.row(List.of(EstimateView.text(v, "outcome"), EstimateView.text(v, "rule"),
                    EstimateView.text(v, "message"))));
            out.append("Reasons:\n").append(reasons.render());
        }
        JsonNode budgets = check.path("budgets");
        if (!budgets.isEmpty()) {
            TextTable table = new TextTable(List.of("BUDGET", "LIMIT", "SPENT", "COMMITTED", "AFTER", "CURRENCY"),
                    false, true, true, true, true, false);
            budgets.forEach(b -> table.row(List.of(EstimateView.text(b, "name"), Amounts.money(b.get("limit")),
                    Amounts.money(b.get("spent")), Amounts.money(b.get("committed")), Amounts.money(b.get("after")),
                    EstimateView.text(b, "currency"))));
            out.append("\nBudgets (after = spent + committed + this job):\n").append(table.render());
        }
        return out.toString();
    }

    private static String meaning(String decision) {
        return switch (decision) {
            case "ALLOW" -> "the policies allow this job";
            case "NEEDS_APPROVAL" -> "an approver must agree before it starts";
            case "DENY" -> "the policies refuse this job";
            default -> "unknown decision";
        };
    }
}
