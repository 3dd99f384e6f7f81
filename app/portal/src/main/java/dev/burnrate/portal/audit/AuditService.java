package dev.burnrate.portal.audit;

import static dev.burnrate.portal.db.Tables.AUDIT_HEAD;
import static dev.burnrate.portal.db.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. {@link #record} joins the caller's transaction, so a change and its audit entry
 * commit or roll back together. Reading and verifying is for ADMIN only.
 */
@Service
public class AuditService {

    private final DSLContext dsl;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public AuditService(DSLContext dsl, CurrentUser currentUser, Clock clock) {
        this.dsl = dsl;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Appends an entry for a change made by the current user (or {@code system}).
     *
     * @param action what happened, as {@code area.verb}, e.g. {@code user.create}
     * @param target what it happened to, e.g. {@code user:alice}
     * @param before the state before (any object Jackson can write; null for creations); never pass secrets
     * @param after  the state after (null for deletions)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    @PermitAll // services call it for what they authorised; start-up work and failed logins have no user
    public void record(String action, String target, Object before, Object after) {
        recordAs(currentUser.actor(), action, target, before, after);
    }

    /** Like {@link #record} but for an actor that is not the logged-in user (e.g. a failed login's user name). */
    @Transactional(propagation = Propagation.REQUIRED)
    @PermitAll
    public void recordAs(String actor, String action, String target, Object before, Object after) {
        // Postgres keeps microseconds: hash what is stored, so verification recomputes the same value.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        String prevHash = dsl.select(AUDIT_HEAD.LAST_HASH).from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1))
                .forUpdate().fetchSingle(AUDIT_HEAD.LAST_HASH);
        String hash = AuditHasher.hash(prevHash, now, actor, action, target, beforeJson, afterJson);
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.OCCURRED_AT, now.atOffset(ZoneOffset.UTC))
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TARGET, target)
                .set(AUDIT_LOG.BEFORE_JSON, beforeJson)
                .set(AUDIT_LOG.AFTER_JSON, afterJson)
                .set(AUDIT_LOG.PREV_HASH, prevHash)
                .set(AUDIT_LOG.HASH, hash)
                .execute();
        dsl.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_HASH, hash).where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return dsl.selectFrom(AUDIT_LOG).where(conditions(filter))
                .orderBy(AUDIT_LOG.ID.desc()).offset(offset).limit(limit)
                .fetch(AuditService::toEntry);
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_LOG, conditions(filter));
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<String> actions() {
        return dsl.selectDistinct(AUDIT_LOG.ACTION).from(AUDIT_LOG).orderBy(AUDIT_LOG.ACTION).fetch(AUDIT_LOG.ACTION);
    }

    /** Recomputes the whole chain, oldest first, and reports the first entry that does not match. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public ChainStatus verifyChain() {
        String expectedPrev = AuditHasher.GENESIS;
        long checked = 0;
        try (var cursor = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID).fetchSize(500).fetchLazy()) {
            for (Record record : cursor) {
                AuditEntry entry = toEntry(record);
                checked++;
                if (!entry.prevHash().equals(expectedPrev)) {
                    return new ChainStatus(false, checked, entry.id(),
                            "does not link to the entry before it (an entry was removed or reordered)");
                }
                if (!AuditHasher.hashOf(entry).equals(entry.hash())) {
                    return new ChainStatus(false, checked, entry.id(), "its content was changed after it was written");
                }
                expectedPrev = entry.hash();
            }
        }
        String head = dsl.select(AUDIT_HEAD.LAST_HASH).from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle(AUDIT_HEAD.LAST_HASH);
        if (!head.equals(expectedPrev)) {
            return new ChainStatus(false, checked, null, "the newest entries were removed (the chain head does not match)");
        }
        return new ChainStatus(true, checked, null, null);
    }

    private static Condition conditions(AuditFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add(AUDIT_LOG.ACTOR.containsIgnoreCase(filter.actor().trim()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            conditions.add(AUDIT_LOG.ACTION.eq(filter.action()));
        }
        if (filter.from() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
        }
        return DSL.and(conditions);
    }

    private static AuditEntry toEntry(Record r) {
        return new AuditEntry(r.get(AUDIT_LOG.ID), r.get(AUDIT_LOG.OCCURRED_AT).toInstant(), r.get(AUDIT_LOG.ACTOR),
                r.get(AUDIT_LOG.ACTION), r.get(AUDIT_LOG.TARGET), r.get(AUDIT_LOG.BEFORE_JSON),
                r.get(AUDIT_LOG.AFTER_JSON), r.get(AUDIT_LOG.PREV_HASH), r.get(AUDIT_LOG.HASH));
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit payload cannot be written as JSON: " + value.getClass(), e);
        }
    }
}
