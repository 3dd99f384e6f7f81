package dev.burnrate.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A table of API list items (budgets, anomalies): one column per field holding a value or an amount
 * ({@code {"amount": 1234.5, "currency": "USD"}} shows as {@code 1,234.50 USD}); nested lists and objects are left
 * to {@code --format json}. A number column with any fraction in it shows every value in cents (figures line up);
 * whole-number columns (ids, counts) stay as they are.
 */
public final class JsonTable {

    private static final int MAX_CELL = 60;

    private JsonTable() {
    }

    /** A table of {@code columns} (those some item has), or of every value field when {@code columns} is empty. */
    public static TextTable of(List<JsonNode> items, List<String> columns) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : columns) {
            if (items.stream().anyMatch(item -> shown(item.get(name)))) {
                chosen.add(name);
            }
        }
        if (columns.isEmpty()) {
            for (JsonNode item : items) {
                for (Map.Entry<String, JsonNode> field : item.properties()) {
                    if (shown(field.getValue())) {
                        chosen.add(field.getKey());
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(chosen);
        boolean[] right = new boolean[names.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            right[c] = items.stream().map(item -> item.get(name)).filter(v -> v != null && !v.isNull())
                    .allMatch(v -> v.isNumber() || isAmount(v));
        }
        Set<String> fractional = new java.util.HashSet<>();
        for (String name : names) {
            if (items.stream().map(item -> item.get(name))
                    .anyMatch(v -> v != null && v.isNumber() && v.decimalValue().stripTrailingZeros().scale() > 0)) {
                fractional.add(name);
            }
        }
        TextTable table = new TextTable(names.stream().map(JsonTable::header).toList(), right);
        for (JsonNode item : items) {
            table.row(names.stream().map(name -> fractional.contains(name) && item.path(name).isNumber()
                    ? Amounts.money(item.get(name)) : cell(item.get(name))).toList());
        }
        return table;
    }

    private static boolean shown(JsonNode value) {
        return value != null && (value.isValueNode() || isAmount(value));
    }

    private static boolean isAmount(JsonNode value) {
        return value.isObject() && value.has("amount") && value.get("amount").isNumber();
    }

    static String cell(JsonNode value) {
        String text = value(value);
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 3) + "..." : text;
    }

    /** The value as text, whole: an amount with its currency, fractions rounded to cents, booleans as yes/no. */
    static String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        String text;
        if (isAmount(value)) {
            JsonNode currency = value.get("currency");
            text = Amounts.money(value.get("amount")) + (currency == null ? "" : " " + currency.asString());
        } else if (value.isNumber()) {
            text = Amounts.number(value);
        } else if (value.isBoolean()) {
            text = value.booleanValue() ? "yes" : "no";
        } else {
            text = value.asString().replaceAll("\\s+", " ");
        }
        return text;
    }

    /** {@code actualToDate} becomes {@code ACTUAL TO DATE}. */
    static String header(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toUpperCase(Locale.ROOT);
    }
}
