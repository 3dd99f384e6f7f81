package dev.burnrate.portal.security;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.user.UserRepository;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode, creates the first ADMIN from {@code burnrate.admin.initial-password} when the database has
 * no users. There is no default password: without one configured, start-up stops with instructions.
 */
@Component
@Order(5)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final int MIN_LENGTH = 12;

    private final BurnrateProperties properties;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;

    FirstAdmin(BurnrateProperties properties, UserRepository users, PasswordEncoder passwordEncoder, AuditService audit) {
        this.properties = properties;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (properties.demo() || users.countUsers() > 0) {
            return;
        }
        String password = properties.admin().initialPassword();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("Burnrate has no users yet. Set the first administrator's password with "
                    + "BURNRATE_ADMIN_INITIAL_PASSWORD (or --burnrate.admin.initial-password=...), or start in demo "
                    + "mode with --burnrate.demo=true.");
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalStateException("burnrate.admin.initial-password must have at least " + MIN_LENGTH + " characters");
        }
        long id = users.insert("admin", "Administrator", null, passwordEncoder.encode(password));
        users.replaceRoles(id, Set.of(Role.ADMIN));
        audit.recordAs(CurrentUser.SYSTEM, "user.create", "user:admin", null, Map.of("username", "admin", "roles", "ADMIN"));
        log.info("Created the first administrator 'admin' from burnrate.admin.initial-password");
    }
}
