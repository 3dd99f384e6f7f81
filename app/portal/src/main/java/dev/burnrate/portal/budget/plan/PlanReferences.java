package dev.burnrate.portal.budget.plan;

import java.util.List;

/** Which policies name a budget ({@code budget: <id>}): such a budget must stay a team or project budget. */
@FunctionalInterface
public interface PlanReferences {

    /** The ids of the policies whose current version names {@code budgetId}. */
    List<String> policiesNaming(String budgetId);
}
