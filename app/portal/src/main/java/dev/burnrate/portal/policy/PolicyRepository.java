package dev.burnrate.portal.policy;

import static dev.burnrate.portal.db.Tables.POLICIES;
import static dev.burnrate.portal.db.Tables.POLICY_VERSIONS;

import dev.burnrate.engine.policy.Policy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Policies and their versions. Versions are only ever inserted. No authorisation here: services do that. */
@Repository
public class PolicyRepository {

    private final DSLContext dsl;

    public PolicyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<StoredPolicy> findAll() {
        return current().orderBy(POLICIES.ID).fetch(PolicyRepository::toStored);
    }

    public Optional<StoredPolicy> find(String id) {
        return current().where(POLICIES.ID.eq(id)).fetchOptional(PolicyRepository::toStored);
    }

    /** The policy row locked for an update, so two admins saving at once get consecutive versions. */
    public Optional<Integer> lockCurrentVersion(String id) {
        return dsl.select(POLICIES.CURRENT_VERSION).from(POLICIES).where(POLICIES.ID.eq(id)).forUpdate()
                .fetchOptional(POLICIES.CURRENT_VERSION);
    }

    public List<PolicyVersionSummary> versions(String id) {
        return dsl.selectFrom(POLICY_VERSIONS).where(POLICY_VERSIONS.POLICY_ID.eq(id))
                .orderBy(POLICY_VERSIONS.VERSION.desc())
                .fetch(r -> new PolicyVersionSummary(r.getPolicyId(), r.getVersion(), r.getName(), r.getMode(),
                        r.getComment(), r.getCreatedAt().toInstant(), r.getCreatedBy(), r.getSource()));
    }

    public void insertPolicy(String id, Instant now, String actor) {
        dsl.insertInto(POLICIES)
                .set(POLICIES.ID, id)
                .set(POLICIES.CURRENT_VERSION, 0)
                .set(POLICIES.ENABLED, true)
                .set(POLICIES.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POLICIES.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POLICIES.UPDATED_BY, actor)
                .execute();
    }

    public void insertVersion(Policy policy, String comment, Instant now, String actor) {
        dsl.insertInto(POLICY_VERSIONS)
                .set(POLICY_VERSIONS.POLICY_ID, policy.id())
                .set(POLICY_VERSIONS.VERSION, policy.version())
                .set(POLICY_VERSIONS.NAME, policy.name())
                .set(POLICY_VERSIONS.MODE, policy.mode().name())
                .set(POLICY_VERSIONS.SCOPE, policy.scope().toString())
                .set(POLICY_VERSIONS.SOURCE, policy.source())
                .set(POLICY_VERSIONS.COMMENT, comment)
                .set(POLICY_VERSIONS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POLICY_VERSIONS.CREATED_BY, actor)
                .execute();
        dsl.update(POLICIES)
                .set(POLICIES.CURRENT_VERSION, policy.version())
                .set(POLICIES.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POLICIES.UPDATED_BY, actor)
                .where(POLICIES.ID.eq(policy.id()))
                .execute();
    }

    public void setEnabled(String id, boolean enabled, Instant now, String actor) {
        dsl.update(POLICIES)
                .set(POLICIES.ENABLED, enabled)
                .set(POLICIES.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POLICIES.UPDATED_BY, actor)
                .where(POLICIES.ID.eq(id))
                .execute();
    }

    private org.jooq.SelectOnConditionStep<Record> current() {
        return dsl.select(POLICIES.fields()).select(POLICY_VERSIONS.fields()).from(POLICIES)
                .join(POLICY_VERSIONS).on(POLICY_VERSIONS.POLICY_ID.eq(POLICIES.ID)
                        .and(POLICY_VERSIONS.VERSION.eq(POLICIES.CURRENT_VERSION)));
    }

    private static StoredPolicy toStored(Record r) {
        return new StoredPolicy(r.get(POLICIES.ID), r.get(POLICIES.CURRENT_VERSION), r.get(POLICY_VERSIONS.NAME),
                r.get(POLICY_VERSIONS.MODE), r.get(POLICY_VERSIONS.SCOPE), r.get(POLICIES.ENABLED),
                r.get(POLICIES.UPDATED_AT).toInstant(), r.get(POLICIES.UPDATED_BY), r.get(POLICY_VERSIONS.SOURCE));
    }
}
