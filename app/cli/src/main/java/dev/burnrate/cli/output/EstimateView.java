package dev.burnrate.cli.output;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** An estimate as a table, in the portal's order (cheapest expected cost first), the catalog version below it. */
public final class EstimateView {

    private static final List<String> HEADERS = List.of("PROVIDER", "REGION", "INSTANCE TYPE", "ACCELERATORS",
            "INSTANCES", "PURCHASE", "HOURLY", "EXPECTED", "P50", "P90", "CURRENCY");
    private static final boolean[] RIGHT = {false, false, false, false, true, false, true, true, true, true, false};

    private EstimateView() {
    }

    public static String render(JsonNode estimate) {
        TextTable table = new TextTable(HEADERS, RIGHT);
        JsonNode offerings = estimate.path("offerings");
        for (JsonNode offering : offerings) {
            table.row(row(offering));
        }
        StringBuilder out = new StringBuilder();
        if (table.isEmpty()) {
            out.append("No offering matches this job spec.\n");
        } else {
            out.append(table.render()).append('\n').append(offerings.size())
                    .append(offerings.size() == 1 ? " offering" : " offerings").append(", cheapest expected cost first. ");
        }
        return out.append("Price catalog: ").append(estimate.path("priceCatalogVersion").asString("unknown"))
                .append('\n').toString();
    }

    static List<String> row(JsonNode offering) {
        return List.of(text(offering, "provider"), text(offering, "region"), text(offering, "instanceType"),
                accelerators(offering), text(offering, "instances"), text(offering, "purchaseOption"),
                Amounts.money(offering.get("hourly")), Amounts.money(offering.get("expected")),
                Amounts.money(offering.get("p50")), Amounts.money(offering.get("p90")), text(offering, "currency"));
    }

    /** {@code 8x H100} per instance. */
    static String accelerators(JsonNode offering) {
        String type = text(offering, "accelerator");
        JsonNode perInstance = offering.get("acceleratorsPerInstance");
        if (perInstance == null || perInstance.isNull() || perInstance.asInt() == 0) {
            return type;
        }
        return perInstance.asInt() + "x " + type;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "-" : value.asString();
    }
}
