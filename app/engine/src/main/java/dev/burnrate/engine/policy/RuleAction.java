package dev.burnrate.engine.policy;

import java.util.Arrays;
import java.util.List;

/** What a rule asks for when it is violated, as written in policy YAML. */
public enum RuleAction {
    NOTIFY("notify", Outcome.WARN),
    REQUIRE_APPROVAL("require_approval", Outcome.REQUIRE_APPROVAL),
    DENY("deny", Outcome.DENY);

    private final String yamlName;
    private final Outcome outcome;

    RuleAction(String yamlName, Outcome outcome) {
        this.yamlName = yamlName;
        this.outcome = outcome;
    }

    public String yamlName() {
        return yamlName;
    }

    public Outcome outcome() {
        return outcome;
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(RuleAction::yamlName).toList();
    }

    public static RuleAction fromYaml(String name) {
        for (RuleAction action : values()) {
            if (action.yamlName.equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + name + "'; expected one of " + yamlNames());
    }
}
