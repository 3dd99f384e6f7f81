package dev.burnrate.engine.usage.ingest;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.usage.json.UsageJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Metered usage from provider plugins ({@link UsageRecord}s) as an import source, so appending it to a dataset
 * validates it like any file. Invoice issuer and publisher are the provider; the tags become the Tags JSON.
 */
public final class UsageRecordSource implements FocusSource {

    static final List<String> HEADER = List.of("BillingAccountId", "SubAccountId", "ChargePeriodStart",
            "ChargePeriodEnd", "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory", "ChargeDescription",
            "PricingCategory", "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency",
            "ConsumedQuantity", "ConsumedUnit", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
            "InvoiceIssuerName", "ServiceName", "ServiceCategory", "RegionId", "ResourceId", "ResourceName",
            "ResourceType", "SkuId", "BillingAccountName", "ChargeClass", "Tags");

    private final List<UsageRecord> records;

    public UsageRecordSource(List<UsageRecord> records) {
        this.records = List.copyOf(records);
    }

    @Override
    public String format() {
        return "usage-records";
    }

    @Override
    public void readInto(ImportSession session) throws IOException {
        ColumnLayout layout = session.layoutFor(HEADER);
        if (layout == null) {
            return;
        }
        RowAssembler a = session.open(layout, HEADER);
        long row = 0;
        for (UsageRecord r : records) {
            a.beginRow(++row, 0);
            List<String> cells = cells(r);
            for (int i = 0; i < cells.size(); i++) {
                a.value(layout.targetOf(i), cells.get(i));
            }
            a.endRow(() -> cells.stream().map(c -> c == null ? "" : c).toList());
        }
    }

    private static List<String> cells(UsageRecord r) {
        var month = r.chargePeriodStart().atZone(java.time.ZoneOffset.UTC).withDayOfMonth(1)
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        List<String> c = new ArrayList<>(HEADER.size());
        c.add(r.billingAccountId());
        c.add(r.subAccountId());
        c.add(r.chargePeriodStart().toString());
        c.add(r.chargePeriodEnd().toString());
        c.add(month.toInstant().toString());
        c.add(month.plusMonths(1).toInstant().toString());
        c.add(r.chargeCategory());
        c.add(r.chargeDescription());
        c.add(r.pricingCategory());
        c.add(Double.toString(r.billedCost()));
        c.add(Double.toString(r.effectiveCost()));
        c.add(Double.toString(r.listCost()));
        c.add(Double.toString(r.contractedCost()));
        c.add(r.billingCurrency());
        c.add(Double.toString(r.consumedQuantity()));
        c.add(r.consumedUnit());
        c.add(Double.toString(r.pricingQuantity()));
        c.add(r.pricingUnit());
        c.add(r.providerName());
        c.add(r.providerName());
        c.add(r.providerName());
        c.add(r.serviceName());
        c.add(r.serviceCategory());
        c.add(r.regionId());
        c.add(r.resourceId());
        c.add(r.resourceName());
        c.add(r.resourceType());
        c.add(r.skuId());
        c.add(r.billingAccountId());
        c.add(null);
        c.add(r.tags().isEmpty() ? null : UsageJson.write(new TreeMap<>(r.tags())));
        return c;
    }
}
