package dev.burnrate.engine.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which requests and resources a policy applies to: all of them, those of some teams, or those of some projects.
 *
 * @param kind  all, team or project
 * @param names the teams or projects (empty for {@link Kind#ALL})
 */
public record PolicyScope(Kind kind, Set<String> names) {

    public enum Kind {
        ALL,
        TEAM,
        PROJECT;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PolicyScope {
        Objects.requireNonNull(kind, "kind");
        names = Set.copyOf(new TreeSet<>(names == null ? Set.of() : names));
        if (kind == Kind.ALL && !names.isEmpty()) {
            throw new IllegalArgumentException("scope 'all' takes no names");
        }
        if (kind != Kind.ALL && names.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.yamlName() + " scope needs at least one name");
        }
    }

    public static PolicyScope all() {
        return new PolicyScope(Kind.ALL, Set.of());
    }

    public static PolicyScope teams(String... teams) {
        return new PolicyScope(Kind.TEAM, Set.of(teams));
    }

    public static PolicyScope projects(String... projects) {
        return new PolicyScope(Kind.PROJECT, Set.of(projects));
    }

    /** True when a request or resource of this team and project falls under the policy. */
    public boolean covers(String team, String project) {
        return switch (kind) {
            case ALL -> true;
            case TEAM -> team != null && names.contains(team);
            case PROJECT -> project != null && names.contains(project);
        };
    }

    /**
     * True when the policy may concern a team's aggregate (e.g. the team's budget). A project scope cannot say
     * which teams it concerns, so it is taken to concern all of them.
     */
    public boolean mayConcernTeam(String team) {
        return kind != Kind.TEAM || names.contains(team);
    }

    /** Like {@link #mayConcernTeam(String)}, for a project's aggregate. */
    public boolean mayConcernProject(String project) {
        return kind != Kind.PROJECT || names.contains(project);
    }

    @Override
    public String toString() {
        return kind == Kind.ALL ? "all" : kind.yamlName() + " " + String.join(", ", new TreeSet<>(names));
    }
}
