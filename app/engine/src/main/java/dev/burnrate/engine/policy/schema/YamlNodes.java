package dev.burnrate.engine.policy.schema;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Small helpers over SnakeYAML's node tree (which keeps every node's line and column). */
final class YamlNodes {

    private YamlNodes() {
    }

    static PolicyError error(Node node, String path, String message) {
        if (node == null || node.getStartMark() == null) {
            return new PolicyError(1, 1, path, message);
        }
        return new PolicyError(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path,
                message);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** The value node of a mapping's key, if present. */
    static Optional<Node> value(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    /** The key node of a mapping's key (where "unknown field" points), if present. */
    static Optional<Node> keyNode(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** A YAML number as a BigDecimal; YAML allows {@code _} as a digit separator. Empty for anything else. */
    static Optional<BigDecimal> decimal(Node node) {
        if (!(node instanceof ScalarNode scalar)
                || !(Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(scalar.getValue().replace("_", "")));
        } catch (NumberFormatException e) {
            return Optional.empty(); // .inf, .nan, hex or sexagesimal: not money or percentages
        }
    }

    static Optional<Boolean> bool(Node node) {
        if (!(node instanceof ScalarNode scalar) || !Tag.BOOL.equals(scalar.getTag())) {
            return Optional.empty();
        }
        String text = scalar.getValue().toLowerCase(Locale.ROOT);
        return Optional.of(text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y"));
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
