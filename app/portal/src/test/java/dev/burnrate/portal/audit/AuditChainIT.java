package dev.burnrate.portal.audit;

import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The hash chain on a real database: intact after writes, broken by any edit or deletion. */
class AuditChainIT {

    private static AuditService service(TestDatabase db) {
        DSLContext dsl = db.dsl();
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00.123456789Z"), ZoneOffset.UTC);
        return new AuditService(dsl, new CurrentUser(dsl), clock);
    }

    private static void writeThree(AuditService audit) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        try {
            audit.record("user.create", "user:bob", null, Map.of("username", "bob", "roles", java.util.List.of("ENGINEER")));
            audit.record("user.update", "user:bob", Map.of("enabled", true), Map.of("enabled", false));
            audit.record("team.create", "team:ml", null, Map.of("name", "ml"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void chainIsIntactAfterWrites(TestDatabase db) {
        AuditService audit = service(db);
        writeThree(audit);
        ChainStatus status = audit.verifyChain();
        assertThat(status.intact()).as(status.reason()).isTrue();
        assertThat(status.entries()).isEqualTo(3);
        assertThat(db.dsl().select(AUDIT_LOG.ACTOR).from(AUDIT_LOG).fetch(AUDIT_LOG.ACTOR)).containsOnly("admin");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void editingAnEntryBreaksTheChainThere(TestDatabase db) {
        AuditService audit = service(db);
        writeThree(audit);
        long second = db.dsl().select(AUDIT_LOG.ID).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID).offset(1).limit(1).fetchSingle(AUDIT_LOG.ID);
        db.dsl().update(AUDIT_LOG).set(AUDIT_LOG.AFTER_JSON, "{\"enabled\":true}").where(AUDIT_LOG.ID.eq(second)).execute();

        ChainStatus status = audit.verifyChain();
        assertThat(status.intact()).isFalse();
        assertThat(status.firstBrokenId()).isEqualTo(second);
        assertThat(status.reason()).contains("changed");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void deletingAnEntryBreaksTheChain(TestDatabase db) {
        AuditService audit = service(db);
        writeThree(audit);
        long first = db.dsl().select(AUDIT_LOG.ID).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID).limit(1).fetchSingle(AUDIT_LOG.ID);
        db.dsl().deleteFrom(AUDIT_LOG).where(AUDIT_LOG.ID.eq(first)).execute();
        assertThat(audit.verifyChain().intact()).isFalse();

        TestDatabase fresh = db.name().equals("H2") ? dev.burnrate.portal.support.TestDatabases.h2()
                : dev.burnrate.portal.support.TestDatabases.postgres();
        AuditService other = service(fresh);
        writeThree(other);
        long last = fresh.dsl().select(AUDIT_LOG.ID).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchSingle(AUDIT_LOG.ID);
        fresh.dsl().deleteFrom(AUDIT_LOG).where(AUDIT_LOG.ID.eq(last)).execute();
        ChainStatus status = other.verifyChain();
        assertThat(status.intact()).isFalse();
        assertThat(status.reason()).contains("newest entries were removed");
    }
}
