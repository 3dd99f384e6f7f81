package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.EvaluationContext;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.FieldType;
import dev.burnrate.engine.policy.schema.ObjectSchema;
import dev.burnrate.engine.policy.schema.RuleConfig;
import dev.burnrate.engine.policy.schema.RuleConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tags that must be present (keys are case-sensitive, as the clouds treat them), optionally with a value from a
 * list or matching a regular expression (whole value), e.g. {@code cost-center: CC-1234}.
 */
public record RequiredTagsRule(String id, List<TagRequirement> tags, RuleAction action) implements Rule {

    /** One required tag. {@code allowed} empty and {@code pattern} null mean any non-blank value. */
    public record TagRequirement(String key, List<String> allowed, Pattern pattern) {
        public TagRequirement {
            allowed = List.copyOf(allowed);
        }
    }

    private static final ObjectSchema TAG = ObjectSchema.of(
            FieldSpec.required("key", FieldType.STRING, "the tag key").pattern("\\S.*"),
            FieldSpec.optional("allowed", FieldType.STRING_LIST, "the values allowed"),
            FieldSpec.optional("pattern", FieldType.STRING, "a regular expression the whole value must match"));

    public static final RuleType TYPE = new RuleType("required_tags",
            "Tags that must be present, with allowed values or patterns.",
            ObjectSchema.of(
                    FieldSpec.required("tags", FieldType.OBJECT_LIST, "the required tags").nested(TAG),
                    RuleFields.action(RuleAction.DENY)),
            (id, config) -> {
                List<TagRequirement> requirements = new ArrayList<>();
                for (RuleConfig tag : config.objects("tags")) {
                    requirements.add(requirement(tag));
                }
                if (requirements.isEmpty()) {
                    throw config.error("tags", "name at least one required tag");
                }
                return new RequiredTagsRule(id, requirements, RuleFields.action(config, RuleAction.DENY));
            });

    private static TagRequirement requirement(RuleConfig tag) throws RuleConfigException {
        if (tag.has("allowed") && tag.has("pattern")) {
            throw tag.error("pattern", "give either 'allowed' values or a 'pattern', not both");
        }
        Pattern pattern = null;
        if (tag.has("pattern")) {
            try {
                pattern = Pattern.compile(tag.string("pattern").orElseThrow());
            } catch (PatternSyntaxException e) {
                throw tag.error("pattern", "not a valid regular expression: " + e.getDescription());
            }
        }
        return new TagRequirement(tag.string("key").orElseThrow(), tag.strings("allowed"), pattern);
    }

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TagRequirement tag : tags) {
            String value = input.tags().get(tag.key());
            var evidence = RuleFields.where(input).put("tag", tag.key()).put("value", value);
            if (value == null || value.isBlank()) {
                findings.add(Finding.of(action, "missing-tag:" + tag.key(),
                        "The tag '" + tag.key() + "' is required" + hint(tag) + ".", evidence));
            } else if (!tag.allowed().isEmpty() && !tag.allowed().contains(value)) {
                findings.add(Finding.of(action, "tag-value-not-allowed:" + tag.key(),
                        "The tag '" + tag.key() + "' has the value '" + value + "'" + hint(tag) + ".",
                        evidence.put("allowed", tag.allowed())));
            } else if (tag.pattern() != null && !tag.pattern().matcher(value).matches()) {
                findings.add(Finding.of(action, "tag-value-pattern:" + tag.key(),
                        "The tag '" + tag.key() + "' has the value '" + value + "'" + hint(tag) + ".",
                        evidence.put("pattern", tag.pattern().pattern())));
            }
        }
        return findings;
    }

    private static String hint(TagRequirement tag) {
        if (!tag.allowed().isEmpty()) {
            return "; allowed values: " + String.join(", ", tag.allowed());
        }
        return tag.pattern() == null ? "" : "; values must match " + tag.pattern().pattern();
    }
}
