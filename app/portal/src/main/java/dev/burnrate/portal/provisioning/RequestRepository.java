package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.policy.PolicyJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Provisioning requests. No authorisation here: services do that. */
@Repository
public class RequestRepository {

    private final DSLContext dsl;

    public RequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(String id, long teamId, String requestedBy, RequestDraft d, Estimate estimate,
                       String outcome, RequestState state, boolean needsFinance, long decisionId, Instant now) {
        dsl.insertInto(PROVISIONING_REQUESTS)
                .set(PROVISIONING_REQUESTS.ID, id)
                .set(PROVISIONING_REQUESTS.TEAM_ID, teamId)
                .set(PROVISIONING_REQUESTS.PROJECT, d.project())
                .set(PROVISIONING_REQUESTS.REQUESTED_BY, requestedBy)
                .set(PROVISIONING_REQUESTS.TEMPLATE, d.template().name())
                .set(PROVISIONING_REQUESTS.NAME, d.name())
                .set(PROVISIONING_REQUESTS.PROVIDER_ID, d.providerId())
                .set(PROVISIONING_REQUESTS.REGION_ID, d.regionId())
                .set(PROVISIONING_REQUESTS.INSTANCE_TYPE, d.instanceType())
                .set(PROVISIONING_REQUESTS.INSTANCE_COUNT, d.count())
                .set(PROVISIONING_REQUESTS.PURCHASE_OPTION, d.purchaseOption().name())
                .set(PROVISIONING_REQUESTS.DURATION_HOURS, d.durationHours())
                .set(PROVISIONING_REQUESTS.DATA_CLASSIFICATION, d.dataClassification())
                .set(PROVISIONING_REQUESTS.TAGS_JSON, PolicyJson.write(d.tags()))
                .set(PROVISIONING_REQUESTS.ENCRYPTED, d.encrypted())
                .set(PROVISIONING_REQUESTS.PRIVATE_NETWORK, d.privateNetwork())
                .set(PROVISIONING_REQUESTS.CHECKPOINTING, d.checkpointing())
                .set(PROVISIONING_REQUESTS.DEADLINE_CRITICAL, d.deadlineCritical())
                .set(PROVISIONING_REQUESTS.HOURLY_COST, BigDecimal.valueOf(estimate.hourlyCost()))
                .set(PROVISIONING_REQUESTS.EXPECTED_TOTAL, BigDecimal.valueOf(estimate.expectedTotal()))
                .set(PROVISIONING_REQUESTS.P90_TOTAL, BigDecimal.valueOf(estimate.p90Total()))
                .set(PROVISIONING_REQUESTS.ESTIMATE_SOURCE, estimate.source())
                .set(PROVISIONING_REQUESTS.ESTIMATE_CURRENCY, estimate.currency())
                .set(PROVISIONING_REQUESTS.OUTCOME, outcome)
                .set(PROVISIONING_REQUESTS.STATE, state.name())
                .set(PROVISIONING_REQUESTS.NEEDS_FINANCE, needsFinance)
                .set(PROVISIONING_REQUESTS.DECISION_ID, decisionId)
                .set(PROVISIONING_REQUESTS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PROVISIONING_REQUESTS.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public Optional<StoredRequest> find(String id) {
        return select().where(PROVISIONING_REQUESTS.ID.eq(id)).fetchOptional(RequestRepository::toRequest);
    }

    /** The request locked until the transaction ends: state changes are serialised per request. */
    public Optional<StoredRequest> lock(String id) {
        dsl.select(PROVISIONING_REQUESTS.ID).from(PROVISIONING_REQUESTS).where(PROVISIONING_REQUESTS.ID.eq(id))
                .forUpdate().fetch();
        return find(id);
    }

    public List<StoredRequest> find(Condition condition, int limit) {
        return select().where(condition).orderBy(PROVISIONING_REQUESTS.CREATED_AT.desc()).limit(limit)
                .fetch(RequestRepository::toRequest);
    }

    /** One page of the requests matching {@code condition}, newest first (id breaks ties, so pages never overlap). */
    public List<StoredRequest> findPage(Condition condition, int offset, int limit) {
        return select().where(condition)
                .orderBy(PROVISIONING_REQUESTS.CREATED_AT.desc(), PROVISIONING_REQUESTS.ID.desc())
                .offset(offset).limit(limit).fetch(RequestRepository::toRequest);
    }

    public int count(Condition condition) {
        return dsl.fetchCount(PROVISIONING_REQUESTS, condition);
    }

    /**
     * Moves a request from one state to another (only as {@link RequestTransitions} allows) and ends any claim on
     * it; false when it was not in {@code from} any more.
     */
    public boolean transition(String id, RequestState from, RequestState to, String failure, String resourceId,
                              Instant now) {
        RequestTransitions.check(from, to);
        return dsl.update(PROVISIONING_REQUESTS)
                .set(PROVISIONING_REQUESTS.STATE, to.name())
                .set(PROVISIONING_REQUESTS.FAILURE, failure)
                .set(PROVISIONING_REQUESTS.RESOURCE_ID, resourceId)
                .set(PROVISIONING_REQUESTS.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .setNull(PROVISIONING_REQUESTS.CLAIMED_BY)
                .setNull(PROVISIONING_REQUESTS.CLAIMED_AT)
                .where(PROVISIONING_REQUESTS.ID.eq(id).and(PROVISIONING_REQUESTS.STATE.eq(from.name())))
                .execute() == 1;
    }

    /**
     * Claims a request for one provider call (a lease): moves it from {@code from} to {@code to} and stamps
     * {@code owner} and the time, but only when no other claim made after {@code staleBefore} is live (with
     * {@code retakeOwnClaim}, a live claim of {@code owner} itself may be taken again: its caller knows that no
     * thread of its own still works on the request). One
     * conditional update, so of two portals (or threads) racing for it exactly one wins.
     */
    public boolean claim(String id, RequestState from, RequestState to, String owner, Instant now,
                         Instant staleBefore, boolean retakeOwnClaim) {
        RequestTransitions.check(from, to);
        return dsl.update(PROVISIONING_REQUESTS)
                .set(PROVISIONING_REQUESTS.STATE, to.name())
                .set(PROVISIONING_REQUESTS.CLAIMED_BY, owner)
                .set(PROVISIONING_REQUESTS.CLAIMED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PROVISIONING_REQUESTS.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(PROVISIONING_REQUESTS.ID.eq(id).and(PROVISIONING_REQUESTS.STATE.eq(from.name()))
                        .and(retakeOwnClaim ? claimableBy(owner, staleBefore) : unclaimedSince(staleBefore)))
                .execute() == 1;
    }

    /** Ends {@code owner}'s claim without a change of state (the provider could not be asked), noting why. */
    /** Moves a request to another region and instance type of its provider (a capacity failover at hand-over). */
    public void relocate(String id, String regionId, String instanceType, Instant now) {
        dsl.update(PROVISIONING_REQUESTS)
                .set(PROVISIONING_REQUESTS.REGION_ID, regionId)
                .set(PROVISIONING_REQUESTS.INSTANCE_TYPE, instanceType)
                .set(PROVISIONING_REQUESTS.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(PROVISIONING_REQUESTS.ID.eq(id))
                .execute();
    }

    public void release(String id, String owner, String note, Instant now) {
        dsl.update(PROVISIONING_REQUESTS)
                .set(PROVISIONING_REQUESTS.FAILURE, note)
                .setNull(PROVISIONING_REQUESTS.CLAIMED_BY)
                .setNull(PROVISIONING_REQUESTS.CLAIMED_AT)
                .set(PROVISIONING_REQUESTS.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(PROVISIONING_REQUESTS.ID.eq(id).and(PROVISIONING_REQUESTS.CLAIMED_BY.eq(owner)))
                .execute();
    }

    /**
     * Ids of requests in {@code state}, last changed before {@code changedBefore}, with no live claim of another
     * owner: {@code owner}'s own claims are included, since only the owner knows whether its call is still running.
     */
    public List<String> claimable(RequestState state, Instant changedBefore, String owner, Instant staleBefore,
                                  int limit) {
        return dsl.select(PROVISIONING_REQUESTS.ID).from(PROVISIONING_REQUESTS)
                .where(PROVISIONING_REQUESTS.STATE.eq(state.name())
                        .and(PROVISIONING_REQUESTS.UPDATED_AT.lt(changedBefore.atOffset(ZoneOffset.UTC))
                                .or(PROVISIONING_REQUESTS.CLAIMED_BY.eq(owner)))
                        .and(claimableBy(owner, staleBefore)))
                .orderBy(PROVISIONING_REQUESTS.UPDATED_AT).limit(limit).fetch(PROVISIONING_REQUESTS.ID);
    }

    /** True while some process holds a claim on the request made after {@code staleBefore}. */
    public boolean claimed(String id, Instant staleBefore) {
        return dsl.fetchExists(PROVISIONING_REQUESTS, PROVISIONING_REQUESTS.ID.eq(id)
                .and(unclaimedSince(staleBefore).not()));
    }

    /** Sets the resource of a request stored as PROVISIONED already (demo history). */
    public void attachResource(String id, String resourceId) {
        dsl.update(PROVISIONING_REQUESTS).set(PROVISIONING_REQUESTS.RESOURCE_ID, resourceId)
                .where(PROVISIONING_REQUESTS.ID.eq(id)
                        .and(PROVISIONING_REQUESTS.STATE.eq(RequestState.PROVISIONED.name())))
                .execute();
    }

    /** Unclaimed, claimed before {@code staleBefore}, or claimed by {@code owner} itself. */
    private static Condition claimableBy(String owner, Instant staleBefore) {
        return unclaimedSince(staleBefore).or(PROVISIONING_REQUESTS.CLAIMED_BY.eq(owner));
    }

    private static Condition unclaimedSince(Instant staleBefore) {
        return PROVISIONING_REQUESTS.CLAIMED_AT.isNull()
                .or(PROVISIONING_REQUESTS.CLAIMED_AT.lt(staleBefore.atOffset(ZoneOffset.UTC)));
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(PROVISIONING_REQUESTS.fields()).select(TEAMS.NAME).from(PROVISIONING_REQUESTS)
                .join(TEAMS).on(TEAMS.ID.eq(PROVISIONING_REQUESTS.TEAM_ID));
    }

    private static StoredRequest toRequest(Record r) {
        var p = PROVISIONING_REQUESTS;
        return new StoredRequest(r.get(p.ID), r.get(p.TEAM_ID), r.get(TEAMS.NAME), r.get(p.PROJECT),
                r.get(p.REQUESTED_BY), Template.valueOf(r.get(p.TEMPLATE)), r.get(p.NAME), r.get(p.PROVIDER_ID),
                r.get(p.REGION_ID), r.get(p.INSTANCE_TYPE), r.get(p.INSTANCE_COUNT),
                PurchaseOption.valueOf(r.get(p.PURCHASE_OPTION)), r.get(p.DURATION_HOURS),
                r.get(p.DATA_CLASSIFICATION), PolicyJson.readStringMap(r.get(p.TAGS_JSON)), r.get(p.ENCRYPTED),
                r.get(p.PRIVATE_NETWORK), r.get(p.CHECKPOINTING), r.get(p.DEADLINE_CRITICAL),
                r.get(p.HOURLY_COST).doubleValue(), r.get(p.EXPECTED_TOTAL).doubleValue(),
                r.get(p.P90_TOTAL).doubleValue(), r.get(p.ESTIMATE_SOURCE), r.get(p.OUTCOME),
                RequestState.valueOf(r.get(p.STATE)), r.get(p.NEEDS_FINANCE), r.get(p.DECISION_ID),
                r.get(p.FAILURE), r.get(p.RESOURCE_ID), r.get(p.CREATED_AT).toInstant(),
                r.get(p.UPDATED_AT).toInstant(), r.get(p.ESTIMATE_CURRENCY));
    }
}
