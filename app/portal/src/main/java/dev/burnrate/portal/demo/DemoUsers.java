package dev.burnrate.portal.demo;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.UserRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo teams and the four demo users, one per role, each with the password equal to the user name. Demo only:
 * these passwords are below the minimum length real users must meet, which is why they bypass the user service.
 */
@Component
class DemoUsers implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final List<String> TEAMS = List.of("ml-research", "inference", "platform", "vision", "search");

    private record DemoUser(String name, String displayName, Role role, List<String> teams) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Ada Admin", Role.ADMIN, List.of("platform")),
            new DemoUser("finance", "Fin Controller", Role.FINANCE, List.of()),
            new DemoUser("approver", "Alex Approver", Role.APPROVER, List.of("ml-research", "inference")),
            new DemoUser("engineer", "Eve Engineer", Role.ENGINEER, List.of("ml-research")));

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;

    DemoUsers(UserRepository users, PasswordEncoder passwordEncoder, AuditService audit) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String name() {
        return "users and teams";
    }

    @Override
    @Transactional
    public void load() {
        Map<String, Long> teamIds = new LinkedHashMap<>();
        for (String team : TEAMS) {
            long id = users.findTeamByName(team).map(t -> t.id())
                    .orElseGet(() -> {
                        long created = users.insertTeam(team, "Demo team");
                        audit.record("team.create", "team:" + team, null, Map.of("name", team));
                        return created;
                    });
            teamIds.put(team, id);
        }
        for (DemoUser demo : USERS) {
            if (users.existsByUsername(demo.name())) {
                continue;
            }
            long id = users.insert(demo.name(), demo.displayName(), demo.name() + "@burnrate.demo",
                    passwordEncoder.encode(demo.name()));
            users.replaceRoles(id, Set.of(demo.role()));
            users.replaceTeams(id, Set.copyOf(demo.teams().stream().map(teamIds::get).toList()));
            audit.record("user.create", "user:" + demo.name(), null,
                    Map.of("username", demo.name(), "roles", List.of(demo.role().name()), "teams", demo.teams()));
        }
        log.warn("DEMO MODE: demo users admin, finance, approver, engineer can log in with password = user name. "
                + "Never run demo mode in production.");
    }
}
