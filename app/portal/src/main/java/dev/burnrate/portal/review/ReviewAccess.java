package dev.burnrate.portal.review;

import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Which review lines the current user sees and may explain. ADMIN and FINANCE see every line. Everyone else sees
 * the lines of their teams (a TEAM budget of one of their teams, a team line of one) and the budgets they own, and
 * nothing else (other teams' lines, totals and not-covered spend are hidden); an APPROVER explains and proposes for
 * exactly those lines.
 */
@Component
class ReviewAccess {

    private final CurrentUser user;
    private final DSLContext dsl;

    ReviewAccess(CurrentUser user, DSLContext dsl) {
        this.user = user;
        this.dsl = dsl;
    }

    /** The current user's view of lines; evaluate once per request. */
    Scope scope() {
        if (user.seesAllTeams()) {
            return new Scope(true, Set.of(), user.actor(), user.hasRole(Role.FINANCE) || user.hasRole(Role.ADMIN));
        }
        Set<Long> ids = user.teamIds();
        Set<String> teams = ids.isEmpty() ? Set.of()
                : Set.copyOf(dsl.select(TEAMS.NAME).from(TEAMS).where(TEAMS.ID.in(ids)).fetch(TEAMS.NAME));
        return new Scope(false, teams, user.actor(), user.hasRole(Role.APPROVER));
    }

    record Scope(boolean all, Set<String> teams, String username, boolean writes) {

        boolean sees(ReviewLine line) {
            return all || (line.team() != null && teams.contains(line.team()))
                    || (line.owner() != null && line.owner().equals(username));
        }

        /** Whether the user may explain the line or propose a reforecast for it. */
        boolean mayExplain(ReviewLine line) {
            return writes && (line.kind() == LineKind.BUDGET || line.kind() == LineKind.TEAM
                    || line.kind() == LineKind.PROJECT || line.kind() == LineKind.UNCOVERED) && sees(line);
        }

        List<ReviewLine> visible(List<ReviewLine> lines) {
            return lines.stream().filter(this::sees).toList();
        }
    }
}
