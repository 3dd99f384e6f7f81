package dev.burnrate.portal.policy;

import dev.burnrate.portal.budget.plan.PlanReferences;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The policies whose current version names a budget, read from their YAML ({@code budget: <id>} of a rule). A
 * textual match is enough here: a policy can only name a budget inside a budget rule, and the parser refuses any
 * other use of the field.
 */
@Component
class PolicyBudgetReferences implements PlanReferences {

    private final PolicyRepository repository;

    PolicyBudgetReferences(PolicyRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<String> policiesNaming(String budgetId) {
        Pattern naming = Pattern.compile("(?m)^\\s*-?\\s*budget:\\s*[\"']?" + Pattern.quote(budgetId) + "[\"']?\\s*(#.*)?$");
        return repository.findAll().stream().filter(p -> naming.matcher(p.source()).find()).map(StoredPolicy::id)
                .toList();
    }
}
