package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the ledger reads before it locks: imported spend (version scans) now, metered spend when asked. */
class TotalSpendTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final BudgetKey KEY = new BudgetKey("p/r", BudgetKey.Scope.TEAM, "t", BudgetPeriod.MONTH, START,
            Instant.parse("2026-12-01T00:00:00Z"));

    private final List<String> reads = new ArrayList<>();

    private final ImportedSpend imported = new ImportedSpend(null, null, null, null) {
        @Override
        public SpendBreakdown spend(BudgetKey key) {
            reads.add("imported");
            return new SpendBreakdown(key.currency(), 100, List.of(), Map.of("JPY", 5.0));
        }
    };

    private final MeteredSpend metered = new MeteredSpend(null) {
        @Override
        public SpendBreakdown spend(BudgetKey key) {
            reads.add("metered");
            return new SpendBreakdown(key.currency(), 20, List.of(), Map.of());
        }

        @Override
        public double runRatePerHour(BudgetKey key) {
            return 0;
        }
    };

    @Test
    void importedSpendIsReadAheadOnceAndMeteredSpendWhenAsked() {
        SpendSource ahead = new TotalSpend(imported, metered).readAhead(List.of(KEY));
        assertThat(reads).containsExactly("imported");

        SpendBreakdown spent = ahead.spend(KEY);

        assertThat(reads).containsExactly("imported", "metered");
        assertThat(spent.counted()).isEqualTo(120);
        assertThat(spent.notCounted()).containsEntry("JPY", 5.0);
    }
}
