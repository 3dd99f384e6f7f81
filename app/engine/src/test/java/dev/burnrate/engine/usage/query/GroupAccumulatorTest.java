package dev.burnrate.engine.usage.query;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query engine's per-group sums are compensated: over values where plain {@code +=} drifts by cents or loses a
 * whole amount, each group's total is the float64 nearest to the exact sum of its values (within one ulp), also
 * after per-chunk partial sums are merged.
 */
class GroupAccumulatorTest {

    @Test
    void millionsOfSmallAmountsAfterALargeOneStayExact() {
        GroupAccumulator acc = new GroupAccumulator(2, 1);
        int slot = slot(acc, 1);
        double naive = 0;
        acc.add(0, slot, 1e9);
        naive += 1e9;
        for (int i = 0; i < 5_000_000; i++) {
            double v = 0.01 + (i % 7) * 0.001;
            acc.add(0, slot, v);
            naive += v;
        }
        BigDecimal exact = new BigDecimal(1e9);
        for (int r = 0; r < 7; r++) {
            long count = 5_000_000 / 7 + (r < 5_000_000 % 7 ? 1 : 0);
            exact = exact.add(new BigDecimal(0.01 + r * 0.001).multiply(BigDecimal.valueOf(count)));
        }
        double total = totalOf(acc, 0);
        assertThat(Math.abs(naive - exact.doubleValue())).as("plain += drifts by more than a cent").isGreaterThan(0.01);
        assertThat(Math.abs(total - exact.doubleValue())).isLessThanOrEqualTo(Math.ulp(exact.doubleValue()));
    }

    @Test
    void cancellingCommitmentsAndCreditsKeepTheSmallAmounts() {
        GroupAccumulator acc = new GroupAccumulator(1, 2);
        int slot = slot(acc, 0);
        double[] values = {1e16, 1.25, -1e16, 3.005, 2e15, -2e15, 0.015};
        double naive = 0;
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : values) {
            acc.add(1, slot, v);
            naive += v;
            exact = exact.add(new BigDecimal(v));
        }
        assertThat(Math.abs(naive - exact.doubleValue())).as("plain += loses the small amounts").isGreaterThan(0.5);
        assertThat(totalOf(acc, 1)).isEqualTo(exact.doubleValue());
    }

    @Test
    void mergedPartialSumsEqualTheExactSumInBothLayouts() {
        for (long keys : new long[] {16, GroupAccumulator.DENSE_LIMIT * 2}) {
            SplittableRandom random = new SplittableRandom(17);
            GroupAccumulator[] parts = new GroupAccumulator[4];
            BigDecimal exact = BigDecimal.ZERO;
            for (int p = 0; p < parts.length; p++) {
                parts[p] = new GroupAccumulator(keys, 1);
                assertThat(parts[p].dense()).isEqualTo(keys == 16);
                long[] key = {3};
                int[] slot = new int[1];
                for (int i = 0; i < 200_000; i++) {
                    // amounts with 3 to 6 decimals over 12 orders of magnitude, credits included
                    double v = Math.round(random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(12)) * 1e6) / 1e6;
                    parts[p].slots(key, 1, slot);
                    parts[p].add(0, slot[0], v);
                    exact = exact.add(new BigDecimal(v));
                }
            }
            for (int p = 1; p < parts.length; p++) {
                parts[0].merge(parts[p]);
            }
            double[] found = new double[1];
            long[] rows = new long[1];
            parts[0].forEach((k, n, sums, offset) -> {
                assertThat(k).isEqualTo(3);
                found[0] = sums[offset];
                rows[0] = n;
            });
            assertThat(rows[0]).isEqualTo(800_000);
            assertThat(Math.abs(found[0] - exact.doubleValue())).isLessThanOrEqualTo(Math.ulp(exact.doubleValue()));
        }
    }

    @Test
    void aResultsTotalOverItsRowsIsCompensatedToo() {
        double[] values = {1e16, 1.25, -1e16, 0.015};
        java.util.List<QueryResult.Row> rows = new java.util.ArrayList<>();
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : values) {
            rows.add(new QueryResult.Row(java.util.List.of("g" + rows.size()), null, new double[] {v}));
            exact = exact.add(new BigDecimal(v));
        }
        QueryResult result = new QueryResult(java.util.List.of("g"), TimeBucket.NONE,
                java.util.List.of(Metric.BILLED_COST), rows, 4, 4);
        assertThat(Math.abs(result.total(Metric.BILLED_COST) - exact.doubleValue()))
                .isLessThanOrEqualTo(Math.ulp(exact.doubleValue()));
    }

    private static int slot(GroupAccumulator acc, long key) {
        int[] slot = new int[1];
        acc.slots(new long[] {key}, 1, slot);
        return slot[0];
    }

    private static double totalOf(GroupAccumulator acc, int metric) {
        double[] out = new double[1];
        acc.forEach((k, rows, sums, offset) -> out[0] = sums[offset + metric]);
        return out[0];
    }
}
