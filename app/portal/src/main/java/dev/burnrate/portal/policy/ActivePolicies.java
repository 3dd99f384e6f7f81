package dev.burnrate.portal.policy;

import dev.burnrate.engine.policy.Policy;
import dev.burnrate.portal.budget.plan.BudgetPlansChanged;
import dev.burnrate.engine.policy.PolicyRef;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.engine.policy.schema.PolicyValidationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The enabled policies at their current versions, parsed. Versions never change once stored, so parsed policies
 * are cached by (id, version) until a budget plan changes. A stored policy that no longer parses (e.g. a rule type whose plugin was removed)
 * stops every decision with the reason: failing closed beats ignoring a policy.
 */
@Component
public class ActivePolicies {

    private final PolicyRepository repository;
    private final PolicyParser parser;
    private final Map<PolicyRef, Policy> cache = new ConcurrentHashMap<>();

    public ActivePolicies(PolicyRepository repository, PolicyParser parser) {
        this.repository = repository;
        this.parser = parser;
    }

    /**
     * A policy naming a budget holds the plan it was parsed with; after a plan change every policy is parsed
     * again (the next load), so decisions use the new plan.
     */
    @EventListener
    public void planChanged(BudgetPlansChanged changed) {
        cache.clear();
    }

    /** Call inside a transaction. */
    public List<Policy> load() {
        return repository.findAll().stream().filter(StoredPolicy::enabled).map(this::parsed).toList();
    }

    Policy parsed(StoredPolicy stored) {
        return cache.computeIfAbsent(new PolicyRef(stored.id(), stored.version()), ref -> {
            try {
                return parser.parse(stored.source(), stored.version());
            } catch (PolicyValidationException e) {
                throw new IllegalStateException("Stored policy " + ref + " no longer validates: " + e.getMessage(), e);
            }
        });
    }
}
