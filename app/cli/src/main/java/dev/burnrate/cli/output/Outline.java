package dev.burnrate.cli.output;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Any JSON answer as an indented outline (an import's validation report): {@code field: value} lines, nested
 * objects indented, lists of objects as tables. Shows every field the portal sends, in its order, except empty ones.
 */
public final class Outline {

    private Outline() {
    }

    public static String render(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, "");
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out, String indent) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String label = indent + JsonTable.header(field.getKey()).charAt(0)
                    + JsonTable.header(field.getKey()).substring(1).toLowerCase() + ":";
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isObject() && !value.has("amount")) {
                out.append(label).append('\n');
                write(value, out, indent + "  ");
            } else if (value.isArray() && value.isEmpty()) {
                out.append(label).append(" none\n");
            } else if (value.isArray() && value.get(0).isObject()) {
                out.append(label).append('\n');
                List<JsonNode> items = value.valueStream().toList();
                JsonTable.of(items, List.of()).render().lines()
                        .forEach(l -> out.append(indent).append("  ").append(l).append('\n'));
            } else if (value.isArray()) {
                out.append(label).append(' ');
                out.append(String.join(", ", value.valueStream().map(JsonTable::value).toList())).append('\n');
            } else {
                out.append(label).append(' ').append(JsonTable.value(value)).append('\n');
            }
        }
    }
}
