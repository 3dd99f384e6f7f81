package dev.burnrate.engine.policy.schema;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule's YAML mapping after it has passed its schema: typed reads, and errors that point at a field's line.
 * Reads of absent optional fields return the given default.
 */
public final class RuleConfig {
    private final MappingNode node;
    private final String path;

    RuleConfig(MappingNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The path of this mapping in the policy, e.g. {@code rules[2]}. */
    public String path() {
        return path;
    }

    public boolean has(String field) {
        return YamlNodes.value(node, field).isPresent();
    }

    public Optional<String> string(String field) {
        return YamlNodes.value(node, field).map(n -> ((ScalarNode) n).getValue());
    }

    public String string(String field, String defaultValue) {
        return string(field).orElse(defaultValue);
    }

    public double number(String field, double defaultValue) {
        return YamlNodes.value(node, field).flatMap(YamlNodes::decimal).map(Number::doubleValue)
                .orElse(defaultValue);
    }

    public boolean bool(String field, boolean defaultValue) {
        return YamlNodes.value(node, field).flatMap(YamlNodes::bool).orElse(defaultValue);
    }

    /** A list of text values; empty when the field is absent. */
    public List<String> strings(String field) {
        return YamlNodes.value(node, field)
                .map(n -> ((SequenceNode) n).getValue().stream().map(item -> ((ScalarNode) item).getValue()).toList())
                .orElse(List.of());
    }

    /** A list of nested mappings; empty when the field is absent. */
    public List<RuleConfig> objects(String field) {
        List<RuleConfig> result = new ArrayList<>();
        YamlNodes.value(node, field).ifPresent(n -> {
            List<Node> items = ((SequenceNode) n).getValue();
            for (int i = 0; i < items.size(); i++) {
                result.add(new RuleConfig((MappingNode) items.get(i), YamlNodes.join(path, field) + "[" + i + "]"));
            }
        });
        return result;
    }

    /** An error located at a field's value (or at this mapping when the field is absent). */
    public RuleConfigException error(String field, String message) {
        Node at = YamlNodes.value(node, field).orElse(node);
        return new RuleConfigException(YamlNodes.error(at, YamlNodes.join(path, field), message));
    }

    /** An error located at the i-th item of a list field. */
    public RuleConfigException error(String field, int index, String message) {
        Node at = YamlNodes.value(node, field)
                .filter(SequenceNode.class::isInstance)
                .map(n -> ((SequenceNode) n).getValue())
                .filter(items -> index < items.size())
                .map(items -> items.get(index))
                .orElse(node);
        return new RuleConfigException(YamlNodes.error(at, YamlNodes.join(path, field) + "[" + index + "]", message));
    }
}
