package dev.burnrate.plugins.testkit;

import dev.burnrate.api.PluginContext;
import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.api.UsageSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A usage source over an in-memory "export" for the testkit's own tests: rows are numbered, and the store keeps the
 * number of the last acknowledged row. {@code forgetful} never remembers (a broken source).
 */
class FakeUsageSource implements UsageSource {
    static final List<UsageRecord> EXPORT = new ArrayList<>();

    private final boolean forgetful;
    private PluginContext context;

    FakeUsageSource(boolean forgetful) {
        this.forgetful = forgetful;
    }

    static void addRow() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofHours(EXPORT.size()));
        EXPORT.add(new UsageRecord("acct", "sub", start, start.plus(Duration.ofHours(1)), "Usage", "GPU hour",
                "Standard", 2.5, 2.5, 3.0, 2.5, "USD", 1, "Hours", 1, "Hours", "Fake", "Compute", "Compute",
                "eu-1", "vm-" + EXPORT.size(), "vm", "VM", "sku-1", Map.of("team", "ml")));
    }

    @Override
    public String id() {
        return "fake-usage";
    }

    @Override
    public String displayName() {
        return "Fake usage";
    }

    @Override
    public void init(PluginContext context) {
        this.context = context;
    }

    @Override
    public UsageBatch fetchUsage() {
        int from = Integer.parseInt(context.store().get("delivered").orElse("0"));
        List<UsageRecord> rows = EXPORT.subList(from, EXPORT.size());
        return rows.isEmpty() ? UsageBatch.empty()
                : new UsageBatch(rows, Integer.toString(EXPORT.size()), rows.size() + " rows");
    }

    @Override
    public void acknowledge(UsageBatch batch) {
        if (!forgetful && !batch.checkpoint().isEmpty()) {
            context.store().put("delivered", batch.checkpoint());
        }
    }
}
