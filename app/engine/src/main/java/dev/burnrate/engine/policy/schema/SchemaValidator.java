package dev.burnrate.engine.policy.schema;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.burnrate.engine.policy.schema.YamlNodes.describe;
import static dev.burnrate.engine.policy.schema.YamlNodes.error;
import static dev.burnrate.engine.policy.schema.YamlNodes.join;

/**
 * Checks a YAML mapping against an {@link ObjectSchema} and collects every problem with its line and column, so
 * an author sees all mistakes at once instead of one per save.
 */
final class SchemaValidator {
    private final List<PolicyError> errors;

    SchemaValidator(List<PolicyError> errors) {
        this.errors = errors;
    }

    /** Validates {@code node}; returns true when it added no error. */
    boolean validateObject(Node node, ObjectSchema schema, String path) {
        int before = errors.size();
        if (!(node instanceof MappingNode map)) {
            errors.add(error(node, path, "expected a mapping with the fields " + schema.names() + " but found "
                    + describe(node)));
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                errors.add(error(tuple.getKeyNode(), path, "field names must be plain text"));
                continue;
            }
            String key = keyNode.getValue();
            String fieldPath = join(path, key);
            FieldSpec spec = schema.field(key);
            if (!seen.add(key)) {
                errors.add(error(keyNode, fieldPath, "duplicate field '" + key + "'"));
            } else if (spec == null) {
                errors.add(error(keyNode, fieldPath, "unknown field '" + key + "'; expected one of "
                        + schema.names()));
            } else {
                validateValue(tuple.getValueNode(), spec, fieldPath);
            }
        }
        for (FieldSpec spec : schema.fields()) {
            if (spec.required() && !seen.contains(spec.name())) {
                errors.add(error(map, path, "missing required field '" + spec.name() + "' (" + spec.description()
                        + ")"));
            }
        }
        return errors.size() == before;
    }

    private void validateValue(Node value, FieldSpec spec, String path) {
        if (YamlNodes.isNull(value)) {
            errors.add(error(value, path, "'" + spec.name() + "' has no value; expected a "
                    + spec.type().description()));
            return;
        }
        switch (spec.type()) {
            case STRING -> validateText(value, spec, path);
            case NUMBER, INTEGER -> validateNumber(value, spec, path);
            case BOOLEAN -> {
                if (YamlNodes.bool(value).isEmpty()) {
                    errors.add(error(value, path, "expected true or false but found " + describe(value)));
                }
            }
            case STRING_LIST -> validateList(value, spec, path, false);
            case OBJECT -> validateObject(value, spec.nested(), path);
            case OBJECT_LIST -> validateList(value, spec, path, true);
            case LIST -> {
                if (!(value instanceof SequenceNode)) {
                    errors.add(error(value, path, "expected a list but found " + describe(value)));
                }
            }
            case ANY -> {
                // the owner of the schema checks this field itself
            }
        }
    }

    private void validateList(Node value, FieldSpec spec, String path, boolean objects) {
        if (!(value instanceof SequenceNode list)) {
            errors.add(error(value, path, "expected a " + spec.type().description() + " but found "
                    + describe(value) + (objects ? "" : "; write e.g. [a, b]")));
            return;
        }
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String itemPath = path + "[" + i + "]";
            if (objects) {
                validateObject(item, spec.nested(), itemPath);
            } else if (!(item instanceof ScalarNode) || YamlNodes.isNull(item)) {
                errors.add(error(item, itemPath, "expected a text value but found " + describe(item)));
            } else {
                validateText(item, spec, itemPath);
            }
        }
    }

    private void validateText(Node value, FieldSpec spec, String path) {
        if (!(value instanceof ScalarNode scalar)) {
            errors.add(error(value, path, "expected text but found " + describe(value)));
            return;
        }
        String text = scalar.getValue();
        if (!spec.allowed().isEmpty() && !spec.allowed().contains(text)) {
            errors.add(error(value, path, "'" + text + "' is not allowed; expected one of " + spec.allowed()));
        } else if (spec.pattern() != null && !spec.pattern().matcher(text).matches()) {
            errors.add(error(value, path, "'" + text + "' does not match " + spec.pattern().pattern()));
        }
    }

    private void validateNumber(Node value, FieldSpec spec, String path) {
        var number = YamlNodes.decimal(value);
        if (number.isEmpty()) {
            errors.add(error(value, path, "expected a " + spec.type().description() + " but found "
                    + describe(value)));
            return;
        }
        BigDecimal n = number.get();
        if (spec.type() == FieldType.INTEGER && n.stripTrailingZeros().scale() > 0) {
            errors.add(error(value, path, "expected a whole number but found " + describe(value)));
        } else if (spec.min() != null) {
            int cmp = n.compareTo(BigDecimal.valueOf(spec.min()));
            if (spec.minExclusive() ? cmp <= 0 : cmp < 0) {
                errors.add(error(value, path, "must be " + (spec.minExclusive() ? "greater than " : "at least ")
                        + BigDecimal.valueOf(spec.min()).stripTrailingZeros().toPlainString() + " but is "
                        + n.toPlainString()));
            }
        }
    }
}
