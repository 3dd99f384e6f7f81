package dev.burnrate.engine.usage.store;

/**
 * Sums of the cost metrics of a version. Computed with Neumaier's compensated summation in row order, so the
 * result does not depend on how the data is stored (hot or cold) and its error stays far below a cent even over
 * tens of millions of rows.
 */
public record Totals(double billedCost, double effectiveCost, double listCost, double contractedCost,
                     double consumedQuantity) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    /** Recomputes the totals of a stored table, in row order, exactly as the import computed them. */
    public static Totals of(UsageTable table) {
        Accumulator acc = new Accumulator();
        int[] cols = {table.columnIndex("BilledCost"), table.columnIndex("EffectiveCost"),
                table.columnIndex("ListCost"), table.columnIndex("ContractedCost"),
                table.columnIndex("ConsumedQuantity")};
        for (int b = 0; b < table.batchCount(); b++) {
            java.nio.DoubleBuffer[] v = new java.nio.DoubleBuffer[cols.length];
            for (int m = 0; m < cols.length; m++) {
                v[m] = cols[m] < 0 ? null : table.doubles(b, cols[m]);
            }
            for (int r = 0; r < table.rows(b); r++) {
                acc.add(get(v[0], r), get(v[1], r), get(v[2], r), get(v[3], r), get(v[4], r));
            }
        }
        return acc.result();
    }

    private static double get(java.nio.DoubleBuffer b, int r) {
        return b == null ? 0.0 : b.get(r);
    }

    /** Accumulates row values; one per import, not thread-safe. */
    public static final class Accumulator {
        private final CompensatedSum billed = new CompensatedSum();
        private final CompensatedSum effective = new CompensatedSum();
        private final CompensatedSum list = new CompensatedSum();
        private final CompensatedSum contracted = new CompensatedSum();
        private final CompensatedSum consumed = new CompensatedSum();

        public void add(double billedCost, double effectiveCost, double listCost, double contractedCost,
                        double consumedQuantity) {
            billed.add(billedCost);
            effective.add(effectiveCost);
            list.add(listCost);
            contracted.add(contractedCost);
            consumed.add(consumedQuantity);
        }

        public Totals result() {
            return new Totals(billed.sum(), effective.sum(), list.sum(), contracted.sum(), consumed.sum());
        }
    }

    /** Neumaier's variant of Kahan summation: the rounding error does not grow with the number of terms. */
    public static final class CompensatedSum {
        private double sum;
        private double compensation;

        public void add(double v) {
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) {
                compensation += (sum - t) + v;
            } else {
                compensation += (v - t) + sum;
            }
            sum = t;
        }

        public double sum() {
            return sum + compensation;
        }
    }
}
