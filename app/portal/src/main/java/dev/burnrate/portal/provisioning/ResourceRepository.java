package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.METERED_USAGE;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.portal.policy.PolicyJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The inventory and the usage metered from it. No authorisation here: services do that. */
@Repository
public class ResourceRepository {

    private final DSLContext dsl;

    public ResourceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(StoredRequest request, ResourceStatus status, Instant now) {
        dsl.insertInto(RESOURCES)
                .set(RESOURCES.ID, status.resourceId())
                .set(RESOURCES.REQUEST_ID, request.id())
                .set(RESOURCES.TEAM_ID, request.teamId())
                .set(RESOURCES.PROJECT, request.project())
                .set(RESOURCES.OWNER, request.requestedBy())
                .set(RESOURCES.NAME, request.name())
                .set(RESOURCES.PROVIDER_ID, request.providerId())
                .set(RESOURCES.REGION_ID, request.regionId())
                .set(RESOURCES.INSTANCE_TYPE, request.instanceType())
                .set(RESOURCES.INSTANCE_COUNT, request.count())
                .set(RESOURCES.PURCHASE_OPTION, request.purchaseOption().name())
                .set(RESOURCES.HOURLY_COST, BigDecimal.valueOf(request.hourlyCost()))
                .set(RESOURCES.STATE, status.state().name())
                .set(RESOURCES.STATE_SINCE, status.since().atOffset(ZoneOffset.UTC))
                .set(RESOURCES.STATE_MESSAGE, status.message())
                .set(RESOURCES.METERED_UNTIL, now.atOffset(ZoneOffset.UTC))
                .set(RESOURCES.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(RESOURCES.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public Optional<StoredResource> find(String id) {
        return find(RESOURCES.ID.eq(id)).stream().findFirst();
    }

    /** The resource recorded for a request (at most one: the unique key on request_id). */
    public Optional<StoredResource> findByRequest(String requestId) {
        return find(RESOURCES.REQUEST_ID.eq(requestId)).stream().findFirst();
    }

    /** The state of the resource each of these requests created, by request id (requests without one are absent). */
    public Map<String, ResourceState> states(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(RESOURCES.REQUEST_ID, RESOURCES.STATE).from(RESOURCES)
                .where(RESOURCES.REQUEST_ID.in(requestIds))
                .fetchMap(r -> r.value1(), r -> ResourceState.valueOf(r.value2()));
    }

    /** A provider's resources the inventory counts as live (not deleted or failed), created before {@code before}. */
    public List<StoredResource> liveAt(String providerId, Instant before) {
        return find(RESOURCES.PROVIDER_ID.eq(providerId)
                .and(RESOURCES.STATE.notIn(ResourceState.DELETED.name(), ResourceState.FAILED.name()))
                .and(RESOURCES.CREATED_AT.lt(before.atOffset(ZoneOffset.UTC))));
    }

    /** Every team's live resources (not deleted or failed) of these providers, newest first. */
    public List<StoredResource> liveOf(Collection<String> providerIds) {
        if (providerIds.isEmpty()) {
            return List.of();
        }
        return find(RESOURCES.PROVIDER_ID.in(providerIds)
                .and(RESOURCES.STATE.notIn(ResourceState.DELETED.name(), ResourceState.FAILED.name())));
    }

    public List<StoredResource> find(Condition condition) {
        var rows = select().where(condition).orderBy(RESOURCES.CREATED_AT.desc()).fetch();
        Map<String, Map<String, Double>> costs = meteredCostByCurrency(rows.getValues(RESOURCES.ID));
        return rows.map(r -> toResource(r, costs.getOrDefault(r.get(RESOURCES.ID), Map.of())));
    }

    /** One page of the resources matching {@code condition}, newest first (id breaks ties, so pages never overlap). */
    public List<StoredResource> findPage(Condition condition, int offset, int limit) {
        var rows = select().where(condition).orderBy(RESOURCES.CREATED_AT.desc(), RESOURCES.ID.desc())
                .offset(offset).limit(limit).fetch();
        Map<String, Map<String, Double>> costs = meteredCostByCurrency(rows.getValues(RESOURCES.ID));
        return rows.map(r -> toResource(r, costs.getOrDefault(r.get(RESOURCES.ID), Map.of())));
    }

    public int count(Condition condition) {
        return dsl.fetchCount(RESOURCES, condition);
    }

    /** What each resource was metered so far, per billing currency (amounts in different currencies never added). */
    private Map<String, Map<String, Double>> meteredCostByCurrency(List<String> resourceIds) {
        Map<String, Map<String, Double>> costs = new HashMap<>();
        if (resourceIds.isEmpty()) {
            return costs;
        }
        dsl.select(METERED_USAGE.RESOURCE_ID, METERED_USAGE.BILLING_CURRENCY,
                        DSL.sum(METERED_USAGE.BILLED_COST))
                .from(METERED_USAGE).where(METERED_USAGE.RESOURCE_ID.in(resourceIds))
                .groupBy(METERED_USAGE.RESOURCE_ID, METERED_USAGE.BILLING_CURRENCY)
                .forEach(r -> costs.computeIfAbsent(r.value1(), k -> new TreeMap<>())
                        .put(r.value2(), r.value3() == null ? 0.0 : r.value3().doubleValue()));
        return costs;
    }

    /** Resources still to meter: not deleted, or deleted after their metering stopped. */
    public List<StoredResource> toMeter() {
        return find(RESOURCES.STATE.notIn(ResourceState.DELETED.name(), ResourceState.FAILED.name())
                .or(RESOURCES.METERED_UNTIL.lt(RESOURCES.STATE_SINCE)));
    }

    public void updateState(String id, ResourceStatus status, Instant now) {
        dsl.update(RESOURCES)
                .set(RESOURCES.STATE, status.state().name())
                .set(RESOURCES.STATE_SINCE, status.since().atOffset(ZoneOffset.UTC))
                .set(RESOURCES.STATE_MESSAGE, status.message())
                .set(RESOURCES.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(RESOURCES.ID.eq(id))
                .execute();
    }

    /** Stores metered rows (replacing rows of the same period) and the resource's new metering mark and total. */
    public void recordUsage(StoredResource resource, List<UsageRecord> rows, Instant meteredUntil) {
        for (UsageRecord row : rows) {
            var start = row.chargePeriodStart().atOffset(ZoneOffset.UTC);
            dsl.deleteFrom(METERED_USAGE).where(METERED_USAGE.RESOURCE_ID.eq(resource.id())
                    .and(METERED_USAGE.CHARGE_PERIOD_START.eq(start))).execute();
            dsl.insertInto(METERED_USAGE)
                    .set(METERED_USAGE.RESOURCE_ID, resource.id())
                    .set(METERED_USAGE.REQUEST_ID, resource.requestId())
                    .set(METERED_USAGE.TEAM_ID, resource.teamId())
                    .set(METERED_USAGE.PROJECT, resource.project())
                    .set(METERED_USAGE.CHARGE_PERIOD_START, start)
                    .set(METERED_USAGE.CHARGE_PERIOD_END, row.chargePeriodEnd().atOffset(ZoneOffset.UTC))
                    .set(METERED_USAGE.BILLED_COST, BigDecimal.valueOf(row.billedCost()))
                    .set(METERED_USAGE.EFFECTIVE_COST, BigDecimal.valueOf(row.effectiveCost()))
                    .set(METERED_USAGE.LIST_COST, BigDecimal.valueOf(row.listCost()))
                    .set(METERED_USAGE.BILLING_CURRENCY, row.billingCurrency() == null ? "USD" : row.billingCurrency())
                    .set(METERED_USAGE.CONSUMED_QUANTITY, row.consumedQuantity())
                    .set(METERED_USAGE.CONSUMED_UNIT, row.consumedUnit())
                    .set(METERED_USAGE.PROVIDER_NAME, row.providerName())
                    .set(METERED_USAGE.SERVICE_NAME, row.serviceName())
                    .set(METERED_USAGE.REGION_ID, row.regionId())
                    .set(METERED_USAGE.SKU_ID, row.skuId())
                    .set(METERED_USAGE.PRICING_CATEGORY, row.pricingCategory())
                    .set(METERED_USAGE.TAGS_JSON, PolicyJson.write(row.tags()))
                    .execute();
        }
        BigDecimal total = dsl.select(DSL.sum(METERED_USAGE.BILLED_COST)).from(METERED_USAGE)
                .where(METERED_USAGE.RESOURCE_ID.eq(resource.id())).fetchOne(0, BigDecimal.class);
        dsl.update(RESOURCES)
                .set(RESOURCES.COST_TO_DATE, total == null ? BigDecimal.ZERO : total)
                .set(RESOURCES.METERED_UNTIL, meteredUntil.atOffset(ZoneOffset.UTC))
                .where(RESOURCES.ID.eq(resource.id()))
                .execute();
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(RESOURCES.fields()).select(TEAMS.NAME, PROVISIONING_REQUESTS.ESTIMATE_CURRENCY)
                .from(RESOURCES).join(TEAMS).on(TEAMS.ID.eq(RESOURCES.TEAM_ID))
                .join(PROVISIONING_REQUESTS).on(PROVISIONING_REQUESTS.ID.eq(RESOURCES.REQUEST_ID));
    }

    private static StoredResource toResource(Record r, Map<String, Double> costToDate) {
        var t = RESOURCES;
        return new StoredResource(r.get(t.ID), r.get(t.REQUEST_ID), r.get(t.TEAM_ID), r.get(TEAMS.NAME),
                r.get(t.PROJECT), r.get(t.OWNER), r.get(t.NAME), r.get(t.PROVIDER_ID), r.get(t.REGION_ID),
                r.get(t.INSTANCE_TYPE), r.get(t.INSTANCE_COUNT), PurchaseOption.valueOf(r.get(t.PURCHASE_OPTION)),
                r.get(t.HOURLY_COST).doubleValue(), r.get(PROVISIONING_REQUESTS.ESTIMATE_CURRENCY),
                ResourceState.valueOf(r.get(t.STATE)), r.get(t.STATE_SINCE).toInstant(), r.get(t.STATE_MESSAGE),
                r.get(t.METERED_UNTIL).toInstant(), costToDate, r.get(t.CREATED_AT).toInstant());
    }
}
