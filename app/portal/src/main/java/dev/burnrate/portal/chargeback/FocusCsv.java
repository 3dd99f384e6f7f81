package dev.burnrate.portal.chargeback;

import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes {@link FocusCharge}s as a FOCUS 1.0 CSV with the columns the synthetic usage generator writes (a header
 * the importer accepts in strict mode). Amounts are written as their exact decimal text.
 */
public final class FocusCsv {

    private final Writer out;

    public FocusCsv(Writer out) throws IOException {
        this.out = out;
        out.write(SyntheticFocusGenerator.HEADER);
        out.write('\n');
    }

    public void write(FocusCharge c) throws IOException {
        ZonedDateTime month = c.start().atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC);
        StringJoiner row = new StringJoiner(",");
        row.add(c.billingAccountId()).add(c.billingAccountName()).add(c.currency())
                .add(month.toInstant().toString()).add(month.plusMonths(1).toInstant().toString())
                .add(c.chargeCategory()).add("").add(quoted(c.description())).add(c.chargeFrequency())
                .add(c.start().toString()).add(c.end().toString())
                .add(money(c.billed())).add(money(c.effective())).add(money(c.list())).add(money(c.effective()))
                .add(money(c.quantity())).add(c.unit()).add(money(c.quantity())).add(c.unit())
                .add(c.pricingCategory()).add(c.provider()).add(c.provider()).add(c.provider()).add(c.region())
                .add(c.resourceId()).add(c.resourceId()).add("Virtual Machine").add(c.serviceCategory())
                .add(quoted(c.serviceName())).add(c.sku()).add(c.subAccountId()).add(c.subAccountId())
                .add(quoted(json(c.tags())));
        out.write(row.toString());
        out.write('\n');
    }

    private static String money(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static String json(Map<String, String> tags) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        tags.forEach((k, v) -> j.add("\"" + k + "\":\"" + v + "\""));
        return j.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
