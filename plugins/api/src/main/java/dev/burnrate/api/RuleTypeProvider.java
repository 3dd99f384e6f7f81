package dev.burnrate.api;

import java.util.List;
import java.util.Map;

/**
 * A policy rule type contributed by a plugin (since API 1.3.0): its name in policy YAML, its parameters and its
 * evaluator. Administrators use it in a policy like a built-in type; the portal lists it in the Policies page's
 * "Rule types" tab, validates each rule against {@link #parameters()}, and calls {@link #evaluate} before a request
 * is provisioned and when it checks what runs.
 *
 * <pre>
 * rules:
 *   - type: max_gpus_per_request     # ruleType()
 *     max_gpus: 8                    # a declared parameter
 *     action: require_approval       # the portal's own: notify, require_approval or deny (default deny)
 * </pre>
 *
 * <p>A rule that cannot be evaluated never lets a request through silently: when {@link #evaluate} throws, times
 * out, or the plugin is suspended, disabled or uninstalled, the rule counts as violated with code
 * {@code plugin-rule-unavailable} and the rule's own action (deny, require approval or notify), and the message says
 * why. Implementations must be thread-safe and quick (no network calls per evaluation): the portal calls them while
 * a user waits.
 */
public interface RuleTypeProvider extends BurnrateExtension {

    /**
     * The rule type's name in policy YAML: lower_snake_case ({@code [a-z][a-z0-9_]*}), not a built-in type's
     * name. Choose a name unlikely to clash with other plugins; a clash leaves the later plugin's type out.
     */
    String ruleType();

    /** What the rule checks, one sentence, for the Rule types tab. */
    String description();

    /** The parameters a rule of this type takes, in documentation order. */
    List<RuleParameter> parameters();

    /**
     * Semantic checks beyond {@link #parameters()} (e.g. a pattern that does not compile), run when a policy is
     * validated or saved. Each message names the parameter. None by default.
     *
     * @param parameters the rule's parameters as {@link #evaluate} receives them
     */
    default List<String> validate(Map<String, Object> parameters) {
        return List.of();
    }

    /**
     * Judges one request or running resource.
     *
     * @param parameters the rule's parameters, after validation: {@code String}, {@code Double} (NUMBER),
     *                   {@code Long} (INTEGER), {@code Boolean} or {@code List<String>} by declared type; an omitted
     *                   optional parameter has its default (converted the same way), or is absent without one
     * @param facts      what is judged
     * @return what is wrong; empty when it complies
     */
    List<RuleFinding> evaluate(Map<String, Object> parameters, RuleFacts facts);
}
