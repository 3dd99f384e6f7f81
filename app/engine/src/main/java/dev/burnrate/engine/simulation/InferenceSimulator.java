package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelNames;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.InferenceCapacityKernel;
import dev.burnrate.engine.kernel.KernelRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices an inference service on candidate offerings with the capacity kernel (instances per hour from the load
 * curve, then on-demand, spot-mix and committed-baseline totals), and analyses commitment coverage for the
 * recommended offering with the coverage kernel. Results are deterministic: the load curve is the input.
 */
public final class InferenceSimulator {

    static final int COVERAGE_LEVELS = 101;

    private final KernelRunner kernels;

    public InferenceSimulator(KernelRunner kernels) {
        this.kernels = kernels;
    }

    public InferenceReport simulate(InferenceWorkload w, List<Offering> offerings, List<HardwareSpec> specs,
                                    double cpuGflopsPerVcpu, SimulationProgress progress) throws KernelException {
        Map<String, String> skipped = new LinkedHashMap<>();
        List<Offering> feasible = new ArrayList<>();
        List<InstanceCompute> computes = new ArrayList<>();
        for (Offering offering : offerings) {
            InstanceCompute compute = InstanceCompute.of(offering, specs, w.precision(), cpuGflopsPerVcpu).orElse(null);
            if (compute == null) {
                skipped.put(offering.key(), "no hardware spec for accelerator " + offering.acceleratorName());
            } else if (!InferenceThroughput.fits(w, compute)) {
                skipped.put(offering.key(), InferenceThroughput.whyNotFits(w, compute));
            } else if (!(InferenceThroughput.tokensPerSecond(w, compute) > 0)) {
                skipped.put(offering.key(), compute.hardware() + " publishes no usable peak throughput");
            } else {
                feasible.add(offering);
                computes.add(compute);
            }
        }
        progress.update(0.2, "sizing " + feasible.size() + " offerings over " + w.hours() + " hours");
        if (feasible.isEmpty()) {
            return new InferenceReport(w, List.of(), null, null, Map.of(), skipped,
                    kernels.backendId(KernelNames.INFERENCE_CAPACITY));
        }
        int n = feasible.size();
        double[] tps = new double[n];
        double[] onDemand = new double[n];
        double[] spot = new double[n];
        double[] committed1y = new double[n];
        double[] committed3y = new double[n];
        for (int o = 0; o < n; o++) {
            var prices = feasible.get(o).prices();
            tps[o] = InferenceThroughput.tokensPerSecond(w, computes.get(o));
            onDemand[o] = prices.onDemand();
            spot[o] = prices.spot() == null ? Double.NaN : prices.spot();
            committed1y[o] = prices.committed1y() == null ? Double.NaN : prices.committed1y();
            committed3y[o] = prices.committed3y() == null ? Double.NaN : prices.committed3y();
        }
        KernelRunner.CapacityResult oneYear = capacity(w, tps, onDemand, spot, committed1y);
        KernelRunner.CapacityResult threeYear = capacity(w, tps, onDemand, spot, committed3y);
        progress.update(0.6, "comparing purchase options");
        List<ComparisonRow> rows = new ArrayList<>();
        Map<String, int[]> perHour = new LinkedHashMap<>();
        for (int o = 0; o < n; o++) {
            Offering offering = feasible.get(o);
            InstanceCompute compute = computes.get(o);
            double[] totals = oneYear.totals()[o];
            int[] instances = oneYear.instances()[o];
            perHour.put(offering.key(), instances);
            List<String> notes = notes(w, compute, tps[o], instances, totals);
            InferenceRows.add(rows, offering, compute, instances, PurchaseOption.ON_DEMAND,
                    totals[InferenceCapacityKernel.ON_DEMAND_COST], w, notes);
            if (offering.prices().spot() != null) {
                InferenceRows.add(rows, offering, compute, instances, PurchaseOption.SPOT,
                        totals[InferenceCapacityKernel.SPOT_MIX_COST], w,
                        InferenceRows.withNote(notes, InferenceRows.spotNote(w, offering, instances)));
            }
            CommitmentAnalysis coverage = coverage(offering, instances);
            InferenceRows.addCommitted(rows, offering, compute, instances, PurchaseOption.COMMITTED_1Y,
                    totals[InferenceCapacityKernel.COMMITTED_MIX_COST], coverage, w, notes,
                    totals[InferenceCapacityKernel.BASELINE_INSTANCES]);
            InferenceRows.addCommitted(rows, offering, compute, instances, PurchaseOption.COMMITTED_3Y,
                    threeYear.totals()[o][InferenceCapacityKernel.COMMITTED_MIX_COST], coverage, w, notes,
                    totals[InferenceCapacityKernel.BASELINE_INSTANCES]);
        }
        rows.sort(Comparator.comparingDouble(ComparisonRow::expectedCost));
        ComparisonRow best = rows.stream().filter(ComparisonRow::isEligible).findFirst().orElse(rows.getFirst());
        progress.update(0.9, "commitment coverage for " + best.offering().key());
        CommitmentAnalysis commitment = coverage(best.offering(), perHour.get(best.offering().key()));
        Recommendation recommendation = InferenceRecommender.recommend(rows, commitment, w);
        progress.update(1, "done");
        return new InferenceReport(w, rows, recommendation, commitment, perHour, skipped,
                kernels.backendId(KernelNames.INFERENCE_CAPACITY));
    }

    private KernelRunner.CapacityResult capacity(InferenceWorkload w, double[] tps, double[] onDemand, double[] spot,
                                                 double[] committed) throws KernelException {
        return kernels.inferenceCapacity(w.requestsPerSecond(), w.tokensPerRequest(), w.utilisationTarget(),
                w.spotShare(), w.minInstances(), tps, onDemand, spot, committed);
    }

    private static List<String> notes(InferenceWorkload w, InstanceCompute c, double tps, int[] instances,
                                      double[] totals) {
        int peak = 0;
        for (int count : instances) {
            peak = Math.max(peak, count);
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("%,.0f tokens/s per instance (%s-bound, %d x %s at %s); run at %.0f%% for the SLA",
                tps, InferenceThroughput.memoryBound(w, c) ? "memory" : "compute", c.units(), c.hardware(),
                c.precision(), 100 * w.utilisationTarget()));
        notes.add(String.format("%d to %d instances per hour, %,.0f instance-hours", (int) totals[3], peak,
                totals[InferenceCapacityKernel.INSTANCE_HOURS]));
        if (c.note() != null) {
            notes.add(c.note());
        }
        return notes;
    }

    private CommitmentAnalysis coverage(Offering offering, int[] instances) throws KernelException {
        double[] usage = new double[instances.length];
        double peak = 0;
        for (int h = 0; h < usage.length; h++) {
            usage[h] = instances[h];
            peak = Math.max(peak, usage[h]);
        }
        List<PurchaseOption> terms = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        if (offering.prices().committed1y() != null) {
            terms.add(PurchaseOption.COMMITTED_1Y);
            prices.add(offering.prices().committed1y());
        }
        if (offering.prices().committed3y() != null) {
            terms.add(PurchaseOption.COMMITTED_3Y);
            prices.add(offering.prices().committed3y());
        }
        if (terms.isEmpty()) {
            return null;
        }
        KernelRunner.CoverageResult result = kernels.commitmentCoverage(usage, COVERAGE_LEVELS, peak,
                offering.prices().onDemand(), prices.stream().mapToDouble(Double::doubleValue).toArray());
        double[] percent = new double[COVERAGE_LEVELS];
        for (int l = 0; l < COVERAGE_LEVELS; l++) {
            percent[l] = 100.0 * l / (COVERAGE_LEVELS - 1);
        }
        Map<PurchaseOption, double[]> costs = new LinkedHashMap<>();
        Map<PurchaseOption, double[]> unused = new LinkedHashMap<>();
        for (int t = 0; t < terms.size(); t++) {
            costs.put(terms.get(t), result.cost()[t]);
            unused.put(terms.get(t), result.unusedUnitHours()[t]);
        }
        return new CommitmentAnalysis(offering.key(), peak, result.cost()[0][0], percent, costs, unused);
    }
}
