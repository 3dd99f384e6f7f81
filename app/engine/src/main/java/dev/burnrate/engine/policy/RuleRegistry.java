package dev.burnrate.engine.policy;

import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.engine.policy.budget.PlannedBudgets;
import dev.burnrate.engine.policy.rules.AllowedHardwareRule;
import dev.burnrate.engine.policy.rules.DataResidencyRule;
import dev.burnrate.engine.policy.rules.EncryptionRule;
import dev.burnrate.engine.policy.rules.HipaaRule;
import dev.burnrate.engine.policy.rules.MaxHourlyCostRule;
import dev.burnrate.engine.policy.rules.NoSpotForDeadlineCriticalRule;
import dev.burnrate.engine.policy.rules.PrivateNetworkingRule;
import dev.burnrate.engine.policy.rules.RequiredTagsRule;
import dev.burnrate.engine.policy.rules.SpotRequiresCheckpointingRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rule types a policy may use, by name. Immutable once built, so one registry can be shared between threads.
 * {@link #standard()} has every built-in type; {@link #with(RuleType)} adds another (e.g. from a plugin).
 */
public final class RuleRegistry {
    private final Map<String, RuleType> types;

    private RuleRegistry(Map<String, RuleType> types) {
        this.types = types;
    }

    public static RuleRegistry standard() {
        return standard(PlannedBudgets.NONE);
    }

    /** Every built-in type; budget rules may name one of {@code plans}. */
    public static RuleRegistry standard(PlannedBudgets plans) {
        return new RuleRegistry(new TreeMap<>())
                .with(BudgetRule.type(plans))
                .with(DataResidencyRule.TYPE)
                .with(HipaaRule.TYPE)
                .with(EncryptionRule.TYPE)
                .with(PrivateNetworkingRule.TYPE)
                .with(RequiredTagsRule.TYPE)
                .with(AllowedHardwareRule.TYPE)
                .with(MaxHourlyCostRule.TYPE)
                .with(SpotRequiresCheckpointingRule.TYPE)
                .with(NoSpotForDeadlineCriticalRule.TYPE);
    }

    /** A registry with one more type; refuses a name that is already taken. */
    public RuleRegistry with(RuleType type) {
        if (types.containsKey(type.name())) {
            throw new IllegalArgumentException("rule type '" + type.name() + "' is already registered");
        }
        Map<String, RuleType> copy = new TreeMap<>(types);
        copy.put(type.name(), type);
        return new RuleRegistry(copy);
    }

    public Optional<RuleType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<String> names() {
        return new ArrayList<>(types.keySet());
    }

    /** All types with their schemas, e.g. for the policy editor's reference panel. */
    public List<RuleType> types() {
        return List.copyOf(types.values());
    }
}
