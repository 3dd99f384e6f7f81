package dev.burnrate.engine.policy.schema;

import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.RuleType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a policy's {@code rules} list: finds each rule's type, validates it against that type's schema, builds it. */
final class RuleReader {
    /** Fields every rule has, in front of its type's own. */
    static final List<FieldSpec> COMMON = List.of(
            FieldSpec.required("type", FieldType.STRING, "the rule type"),
            FieldSpec.optional("id", FieldType.STRING, "id within the policy; defaults to the type")
                    .pattern(PolicyParser.ID_PATTERN),
            FieldSpec.optional("description", FieldType.STRING, "what the rule is for"));

    private final RuleRegistry registry;
    private final List<PolicyError> errors;

    RuleReader(RuleRegistry registry, List<PolicyError> errors) {
        this.registry = registry;
        this.errors = errors;
    }

    List<Rule> read(SequenceNode list) {
        if (list.getValue().isEmpty()) {
            errors.add(YamlNodes.error(list, "rules", "a policy needs at least one rule"));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            read(list.getValue().get(i), "rules[" + i + "]", ids).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<Rule> read(Node node, String path, Set<String> ids) {
        if (!(node instanceof MappingNode map)) {
            errors.add(YamlNodes.error(node, path, "expected a rule (a mapping with a 'type') but found "
                    + YamlNodes.describe(node)));
            return Optional.empty();
        }
        Optional<Node> typeNode = YamlNodes.value(map, "type");
        if (typeNode.isEmpty() || !(typeNode.get() instanceof ScalarNode typeScalar) || YamlNodes.isNull(typeNode.get())) {
            errors.add(YamlNodes.error(map, path, "missing required field 'type'; known types: " + registry.names()));
            return Optional.empty();
        }
        Optional<RuleType> type = registry.find(typeScalar.getValue());
        if (type.isEmpty()) {
            errors.add(YamlNodes.error(typeNode.get(), path + ".type", "unknown rule type '" + typeScalar.getValue()
                    + "'; known types: " + registry.names()));
            return Optional.empty();
        }
        // Ids are claimed before the schema check so that a duplicate is reported even next to other errors.
        String id = uniqueId(map, path, type.get().name(), ids);
        boolean valid = new SchemaValidator(errors).validateObject(map, type.get().schema().withLeading(COMMON), path);
        if (!valid || id == null) {
            return Optional.empty();
        }
        RuleConfig config = new RuleConfig(map, path);
        try {
            return Optional.of(type.get().factory().create(id, config));
        } catch (RuleConfigException e) {
            errors.add(e.error());
            return Optional.empty();
        }
    }

    /** The rule's id: as written, or its type name (numbered when a type repeats). Null after a duplicate. */
    private String uniqueId(MappingNode map, String path, String typeName, Set<String> ids) {
        Optional<Node> explicit = YamlNodes.value(map, "id");
        if (explicit.isPresent()) {
            if (!(explicit.get() instanceof ScalarNode scalar) || YamlNodes.isNull(scalar)) {
                return null; // the schema check reports it
            }
            if (!ids.add(scalar.getValue())) {
                errors.add(YamlNodes.error(scalar, path + ".id", "duplicate rule id '" + scalar.getValue() + "'"));
                return null;
            }
            return scalar.getValue();
        }
        String id = typeName;
        for (int n = 2; !ids.add(id); n++) {
            id = typeName + "-" + n;
        }
        return id;
    }
}
