package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.METERED_USAGE;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.api.StorageOffering;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.portal.policy.PolicyJson;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.usage.UsageImportService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies metered usage into the usage data, so the cost of what Burnrate runs shows in the cost explorer: the
 * rows not yet copied go, as one batch, into the {@value #DATASET} dataset through {@link UsageImportService} (as
 * {@code system}), and are marked with the version they went into, in the same transaction. (The name sorts after
 * the billing datasets, so the explorer, which opens the first dataset by name, still opens on those.)
 *
 * <p>Only final rows are copied: a row is final once it starts before its resource's metering mark, because
 * metering re-reads (and replaces) only the rows from the mark on (the current, partial hour of a running
 * resource). So no metered hour is appended twice, and none is appended before it stops changing. The dataset does
 * not count toward budgets: budgets read metered spend from {@code metered_usage} already ({@code TotalSpend}).
 */
@Component
public class MeteredUsageFeed {

    /** Burnrate's own dataset of metered usage. */
    public static final String DATASET = "metered-usage";
    static final String TEAM_TAG = "team";

    private static final Logger log = LoggerFactory.getLogger(MeteredUsageFeed.class);

    private final DSLContext dsl;
    private final UsageImportService usage;
    private final TransactionTemplate tx;

    public MeteredUsageFeed(DSLContext dsl, UsageImportService usage, TransactionTemplate tx) {
        this.dsl = dsl;
        this.usage = usage;
        this.tx = tx;
    }

    /** Appends the final metered rows not yet in the usage data; returns how many were appended. */
    public synchronized int appendFinalRows() {
        Integer appended = tx.execute(status -> {
            List<Record> pending = dsl.select(METERED_USAGE.fields()).select(RESOURCES.NAME, RESOURCES.PROVIDER_ID,
                            RESOURCES.INSTANCE_TYPE, TEAMS.NAME)
                    .from(METERED_USAGE).join(RESOURCES).on(RESOURCES.ID.eq(METERED_USAGE.RESOURCE_ID))
                    .join(TEAMS).on(TEAMS.ID.eq(METERED_USAGE.TEAM_ID))
                    .where(METERED_USAGE.USAGE_VERSION.isNull()
                            .and(METERED_USAGE.CHARGE_PERIOD_START.lt(RESOURCES.METERED_UNTIL)))
                    .orderBy(METERED_USAGE.CHARGE_PERIOD_START, METERED_USAGE.ID)
                    .forUpdate().of(METERED_USAGE)
                    .fetch();
            if (pending.isEmpty()) {
                return 0;
            }
            List<UsageRecord> rows = pending.stream().map(MeteredUsageFeed::toUsageRecord).toList();
            ImportResult result = SystemRunner.callAsSystem(() -> usage.appendOrCreate(DATASET,
                    "Usage Burnrate metered from the resources it provisioned", rows, "metering", TEAM_TAG, false));
            if (result.status() != ImportResult.Status.CREATED) {
                log.warn("Metered usage not appended to {} ({}): {}", DATASET, result.status(),
                        result.report().rejectionReason());
                return 0;
            }
            String version = result.version().orElseThrow().versionId();
            dsl.update(METERED_USAGE).set(METERED_USAGE.USAGE_VERSION, version)
                    .where(METERED_USAGE.ID.in(pending.stream().map(r -> r.get(METERED_USAGE.ID)).toList()))
                    .execute();
            return rows.size();
        });
        return appended == null ? 0 : appended;
    }

    private static UsageRecord toUsageRecord(Record r) {
        var m = METERED_USAGE;
        Map<String, String> tags = new LinkedHashMap<>(PolicyJson.readStringMap(r.get(m.TAGS_JSON)));
        tags.put(TEAM_TAG, r.get(TEAMS.NAME));
        if (r.get(m.PROJECT) != null) {
            tags.put("project", r.get(m.PROJECT));
        }
        String provider = r.get(m.PROVIDER_NAME) != null ? r.get(m.PROVIDER_NAME) : r.get(RESOURCES.PROVIDER_ID);
        // metered_usage keeps no category column: a bucket is known by its storage-class instance type
        boolean storage = StorageOffering.storageClassOf(r.get(RESOURCES.INSTANCE_TYPE)) != null;
        return new UsageRecord("burnrate-" + r.get(RESOURCES.PROVIDER_ID), r.get(TEAMS.NAME),
                r.get(m.CHARGE_PERIOD_START).toInstant(), r.get(m.CHARGE_PERIOD_END).toInstant(), "Usage",
                r.get(RESOURCES.INSTANCE_TYPE) + " metered by Burnrate",
                r.get(m.PRICING_CATEGORY) != null ? r.get(m.PRICING_CATEGORY) : "Standard",
                r.get(m.BILLED_COST).doubleValue(), r.get(m.EFFECTIVE_COST).doubleValue(),
                r.get(m.LIST_COST).doubleValue(), r.get(m.BILLED_COST).doubleValue(),
                r.get(m.BILLING_CURRENCY), r.get(m.CONSUMED_QUANTITY),
                r.get(m.CONSUMED_UNIT) != null ? r.get(m.CONSUMED_UNIT) : "Hours", r.get(m.CONSUMED_QUANTITY),
                r.get(m.CONSUMED_UNIT) != null ? r.get(m.CONSUMED_UNIT) : "Hours", provider,
                r.get(m.SERVICE_NAME) != null ? r.get(m.SERVICE_NAME) : "Compute", storage ? "Storage" : "Compute",
                r.get(m.REGION_ID), r.get(m.RESOURCE_ID), r.get(RESOURCES.NAME),
                storage ? "Storage Bucket" : "Virtual Machine",
                r.get(m.SKU_ID) != null ? r.get(m.SKU_ID) : r.get(RESOURCES.INSTANCE_TYPE), tags);
    }
}
