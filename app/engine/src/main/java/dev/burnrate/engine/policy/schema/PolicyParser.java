package dev.burnrate.engine.policy.schema;

import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyMode;
import dev.burnrate.engine.policy.PolicyScope;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleRegistry;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns policy YAML into a {@link Policy}, all or nothing: every field of the document and of each rule is checked
 * against its schema, and when anything is wrong the whole policy is refused with every error's line and column.
 *
 * <pre>
 * id: gdpr-eu-residency
 * name: GDPR data residency
 * description: Personal data of EU residents stays in EU jurisdictions.
 * scope: all                      # or  team: ml-research   or  project: [a, b]
 * mode: enforce                   # or  audit
 * rules:
 *   - type: data_residency
 *     allowed_jurisdictions: [EU]
 * </pre>
 */
public final class PolicyParser {
    static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final ObjectSchema DOCUMENT = ObjectSchema.of(
            FieldSpec.required("id", FieldType.STRING, "stable id, lower case").pattern(ID_PATTERN),
            FieldSpec.required("name", FieldType.STRING, "readable name"),
            FieldSpec.optional("description", FieldType.STRING, "why the policy exists"),
            FieldSpec.optional("scope", FieldType.ANY, "all, team: <names> or project: <names>").defaultValue("all"),
            FieldSpec.optional("mode", FieldType.STRING, "enforce, or audit to only report")
                    .allowed("enforce", "audit").defaultValue("enforce"),
            FieldSpec.required("rules", FieldType.LIST, "the rules, each with a type"));

    private final Supplier<RuleRegistry> registry;

    public PolicyParser(RuleRegistry registry) {
        this(() -> registry);
    }

    /**
     * A parser whose rule types may change between calls (plugins contribute some): each parse reads the registry
     * once, so one policy is judged against one set of types.
     */
    public PolicyParser(Supplier<RuleRegistry> registry) {
        this.registry = registry;
    }

    /** Parses a policy that will be stored as {@code version} (0 for a draft). */
    public Policy parse(String yaml, int version) throws PolicyValidationException {
        List<PolicyError> errors = new ArrayList<>();
        Node root = compose(yaml, errors);
        if (root == null) {
            throw new PolicyValidationException(errors);
        }
        new SchemaValidator(errors).validateObject(root, DOCUMENT, "");
        if (!(root instanceof MappingNode map)) {
            throw new PolicyValidationException(errors);
        }
        PolicyScope scope = YamlNodes.value(map, "scope").map(n -> ScopeReader.read(n, errors))
                .orElse(PolicyScope.all());
        RuleRegistry types = registry.get();
        List<Rule> rules = YamlNodes.value(map, "rules").filter(SequenceNode.class::isInstance)
                .map(n -> new RuleReader(types, errors).read((SequenceNode) n))
                .orElse(List.of());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column));
            throw new PolicyValidationException(errors);
        }
        RuleConfig document = new RuleConfig(map, "");
        PolicyMode mode = PolicyMode.valueOf(document.string("mode", "enforce").toUpperCase(Locale.ROOT));
        return new Policy(document.string("id").orElseThrow(), version, document.string("name").orElseThrow(),
                document.string("description", ""), scope, mode, rules, yaml);
    }

    private static Node compose(String yaml, List<PolicyError> errors) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(256 * 1024);
        try {
            Node root = new Yaml(options).compose(new StringReader(yaml == null ? "" : yaml));
            if (root == null) {
                errors.add(new PolicyError(1, 1, "", "the policy is empty"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            errors.add(new PolicyError(line, column, "", "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            errors.add(new PolicyError(1, 1, "", "not valid YAML: " + e.getMessage()));
        }
        return null;
    }
}
