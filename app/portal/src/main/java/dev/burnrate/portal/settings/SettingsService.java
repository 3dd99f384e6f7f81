package dev.burnrate.portal.settings;

import static dev.burnrate.portal.db.Tables.SETTINGS;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal-wide settings that administrators change at run time (e.g. the compute backend per kernel). Not for
 * secrets: values are stored and audited in clear text.
 */
@Service
public class SettingsService {

    private final DSLContext dsl;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public SettingsService(DSLContext dsl, AuditService audit, CurrentUser currentUser, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<String> get(String key) {
        return dsl.select(SETTINGS.SETTING_VALUE).from(SETTINGS).where(SETTINGS.SETTING_KEY.eq(key))
                .fetchOptional(SETTINGS.SETTING_VALUE);
    }

    /** Sets a value, or removes the setting when {@code value} is null. Audited. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void put(String key, String value) {
        Optional<String> before = get(key);
        if (value == null) {
            dsl.deleteFrom(SETTINGS).where(SETTINGS.SETTING_KEY.eq(key)).execute();
        } else {
            dsl.insertInto(SETTINGS)
                    .set(SETTINGS.SETTING_KEY, key)
                    .set(SETTINGS.SETTING_VALUE, value)
                    .set(SETTINGS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(SETTINGS.UPDATED_BY, currentUser.actor())
                    .onConflict(SETTINGS.SETTING_KEY).doUpdate()
                    .set(SETTINGS.SETTING_VALUE, value)
                    .set(SETTINGS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(SETTINGS.UPDATED_BY, currentUser.actor())
                    .execute();
        }
        audit.record("setting.change", "setting:" + key,
                before.map(v -> Map.of("value", v)).orElse(null), value == null ? null : Map.of("value", value));
    }
}
