package dev.burnrate.engine.usage.store;

/**
 * Sums of the cost metrics of a version. Computed with Neumaier's compensated summation in row order, so the
 * result does not depend on how the data is stored (hot or cold) and its error stays far below a cent even over
 * tens of millions of rows.
 */
public record Totals(double billedCost, double effectiveCost, double listCost, double contractedCost,
                     double consumedQuantity) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

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
