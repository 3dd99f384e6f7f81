package dev.burnrate.engine.policy.schema;

import dev.burnrate.engine.policy.PolicyScope;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy's {@code scope}: {@code all}, or a mapping {@code team: name} / {@code project: name} whose value
 * may also be a list of names.
 */
final class ScopeReader {
    private static final String SHAPE = "expected 'all', 'team: <name or list>' or 'project: <name or list>'";

    private ScopeReader() {
    }

    /** The scope, or null after adding the reason to {@code errors}. */
    static PolicyScope read(Node node, List<PolicyError> errors) {
        if (node instanceof ScalarNode scalar && !YamlNodes.isNull(scalar)) {
            if (scalar.getValue().equals("all")) {
                return PolicyScope.all();
            }
            errors.add(YamlNodes.error(node, "scope", "'" + scalar.getValue() + "' is not a scope; " + SHAPE));
            return null;
        }
        if (!(node instanceof MappingNode map) || map.getValue().size() != 1) {
            errors.add(YamlNodes.error(node, "scope", SHAPE + " but found " + YamlNodes.describe(node)));
            return null;
        }
        NodeTuple only = map.getValue().get(0);
        String key = only.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
        PolicyScope.Kind kind = switch (key) {
            case "team" -> PolicyScope.Kind.TEAM;
            case "project" -> PolicyScope.Kind.PROJECT;
            default -> null;
        };
        if (kind == null) {
            errors.add(YamlNodes.error(only.getKeyNode(), "scope", "unknown scope '" + key + "'; " + SHAPE));
            return null;
        }
        Set<String> names = names(only.getValueNode(), "scope." + key, errors);
        return names == null ? null : new PolicyScope(kind, names);
    }

    private static Set<String> names(Node value, String path, List<PolicyError> errors) {
        Set<String> names = new LinkedHashSet<>();
        List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node item : items) {
            if (!(item instanceof ScalarNode scalar) || YamlNodes.isNull(item) || scalar.getValue().isBlank()) {
                errors.add(YamlNodes.error(item, path, "expected a name but found " + YamlNodes.describe(item)));
                return null;
            }
            names.add(scalar.getValue());
        }
        if (names.isEmpty()) {
            errors.add(YamlNodes.error(value, path, "name at least one " + path.substring(path.indexOf('.') + 1)));
            return null;
        }
        return names;
    }
}
