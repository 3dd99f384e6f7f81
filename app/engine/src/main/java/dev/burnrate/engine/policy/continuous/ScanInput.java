package dev.burnrate.engine.policy.continuous;

import dev.burnrate.engine.policy.PolicyInput;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a continuous scan looks at.
 *
 * @param resources running resources, described as policy inputs (cost figures as planned)
 * @param teams     teams whose budgets to check, besides those owning resources (e.g. teams with spend but nothing
 *                  running now)
 * @param projects  projects whose budgets to check, likewise
 */
public record ScanInput(List<PolicyInput> resources, Set<String> teams, Set<String> projects) {

    public ScanInput {
        resources = List.copyOf(resources);
        TreeSet<String> allTeams = new TreeSet<>(teams);
        TreeSet<String> allProjects = new TreeSet<>(projects);
        for (PolicyInput resource : resources) {
            allTeams.add(resource.team());
            if (resource.project() != null) {
                allProjects.add(resource.project());
            }
        }
        teams = java.util.Collections.unmodifiableSortedSet(allTeams);
        projects = java.util.Collections.unmodifiableSortedSet(allProjects);
    }
}
