package dev.burnrate.cli.spec;

import dev.burnrate.cli.spec.SpecException.Problem;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the YAML node tree into a {@link JobSpec}, refusing at the first node that does not fit: a field the spec
 * does not have, a field given twice, a value of the wrong type. Working on nodes (not on loaded maps) keeps each
 * value's own line and column for the message, and lets {@code "16"} (quoted: text) differ from {@code 16}.
 */
final class SpecBinder {

    private final String source;
    private final Map<String, Node> fields = new LinkedHashMap<>();

    private SpecBinder(String source) {
        this.source = source;
    }

    static JobSpec bind(String source, Node root) {
        return new SpecBinder(source).spec(root);
    }

    private JobSpec spec(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            throw fail(root, "a job spec is a mapping of fields (kind: training, accelerator: H100, ...), not "
                    + describe(root));
        }
        for (NodeTuple field : mapping.getValue()) {
            String name = key(field.getKeyNode());
            if (!SpecReader.FIELDS.contains(name)) {
                throw fail(field.getKeyNode(), "unknown field \"" + name + "\"" + Suggestions.closest(name,
                        SpecReader.FIELDS) + " (fields of a job spec: " + String.join(", ", SpecReader.FIELDS) + ")");
            }
            if (fields.put(name, field.getValueNode()) != null) {
                throw fail(field.getKeyNode(), "field \"" + name + "\" is given twice");
            }
        }
        return new JobSpec(text("kind"), text("team"), text("project"), text("name"), text("provider"),
                text("region"), text("accelerator"), whole("acceleratorCount"), text("instanceType"),
                number("hours"), text("purchaseOption"), bool("checkpointing"), bool("deadlineCritical"),
                text("dataClassification"), bool("encrypted"), bool("privateNetwork"), tags());
    }

    private String key(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw fail(node, "a field name must be a plain word, not " + describe(node));
    }

    /** The scalar of a field, null when the field is absent or empty ({@code team:} or {@code team: ~}). */
    private ScalarNode scalar(String field, String expected) {
        Node node = fields.get(field);
        if (node == null || node.getTag().equals(Tag.NULL)) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar;
        }
        throw fail(node, field + " must be " + expected + ", not " + describe(node));
    }

    private String text(String field) {
        ScalarNode scalar = scalar(field, "a text value");
        return scalar == null ? null : scalar.getValue();
    }

    private Integer whole(String field) {
        ScalarNode scalar = scalar(field, "a whole number");
        if (scalar == null) {
            return null;
        }
        if (scalar.getTag().equals(Tag.INT) && scalar.getValue().matches("[-+]?[0-9]{1,9}")) {
            return Integer.valueOf(scalar.getValue());
        }
        throw fail(scalar, field + " must be a whole number, not " + describe(scalar));
    }

    private BigDecimal number(String field) {
        ScalarNode scalar = scalar(field, "a number");
        if (scalar == null) {
            return null;
        }
        if (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)) {
            try {
                return new BigDecimal(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // .inf, .nan, 0x1F, 1:30 (sexagesimal): YAML numbers, but not a duration in hours
            }
        }
        throw fail(scalar, field + " must be a number, not " + describe(scalar));
    }

    private Boolean bool(String field) {
        ScalarNode scalar = scalar(field, "true or false");
        if (scalar == null) {
            return null;
        }
        if (scalar.getTag().equals(Tag.BOOL)) {
            return List.of("true", "yes", "on").contains(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        throw fail(scalar, field + " must be true or false, not " + describe(scalar));
    }

    private Map<String, String> tags() {
        Node node = fields.get("tags");
        if (node == null || node.getTag().equals(Tag.NULL)) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw fail(node, "tags must be a mapping of names to text values, not " + describe(node));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (NodeTuple tag : mapping.getValue()) {
            String name = key(tag.getKeyNode());
            Node value = tag.getValueNode();
            if (!(value instanceof ScalarNode scalar) || value.getTag().equals(Tag.NULL)) {
                throw fail(value, "tags." + name + " must be a text value, not " + describe(value));
            }
            if (tags.put(name, scalar.getValue()) != null) {
                throw fail(tag.getKeyNode(), "tag \"" + name + "\" is given twice");
            }
        }
        return tags;
    }

    /** The value as the file spells it: {@code sixteen}, {@code "16"}, or what kind of thing it is. */
    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.NULL)) {
                return "empty";
            }
            boolean quoted = scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    || scalar.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED;
            String value = scalar.getValue().length() > 40 ? scalar.getValue().substring(0, 37) + "..."
                    : scalar.getValue();
            return quoted ? "\"" + value + "\" (quoted, so text)" : value;
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }

    private SpecException fail(Node node, String message) {
        return new SpecException(source, List.of(new Problem(node.getStartMark().getLine() + 1,
                node.getStartMark().getColumn() + 1, message)));
    }
}
