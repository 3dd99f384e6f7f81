package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelNames;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.kernel.SpotTrainingPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices a training run on candidate offerings: first the offerings that can run it (see
 * {@link TrainingCandidates}), then on-demand and committed options deterministically (no interruptions) and spot
 * options with the Monte Carlo kernel. Work is scaled to each offering by peak throughput at the workload's
 * precision. Options that may not be recommended (missing the deadline, a commitment the run does not span) say why.
 */
public final class TrainingSimulator {

    static final int HISTOGRAM_BINS = 30;
    static final int SAMPLE = 400;

    private final KernelRunner kernels;

    public TrainingSimulator(KernelRunner kernels) {
        this.kernels = kernels;
    }

    /** Simulates every feasible offering (no limit). */
    public TrainingReport simulate(TrainingWorkload workload, List<Offering> offerings, List<HardwareSpec> specs,
                                   double cpuGflopsPerVcpu, SimulationProgress progress) throws KernelException {
        return simulate(workload, offerings, specs, cpuGflopsPerVcpu, Integer.MAX_VALUE, progress);
    }

    /**
     * Simulates the {@code limit} cheapest offerings that can run the job; the report names those that cannot
     * (with the reason) and the feasible ones the limit left out.
     */
    public TrainingReport simulate(TrainingWorkload workload, List<Offering> offerings, List<HardwareSpec> specs,
                                   double cpuGflopsPerVcpu, int limit, SimulationProgress progress)
            throws KernelException {
        TrainingCandidates.Selection selection = TrainingCandidates.select(workload, offerings, specs,
                cpuGflopsPerVcpu, limit);
        List<ComparisonRow> rows = new ArrayList<>();
        List<TrainingCandidates.Candidate> candidates = selection.simulated();
        for (int i = 0; i < candidates.size(); i++) {
            TrainingCandidates.Candidate candidate = candidates.get(i);
            progress.update((double) i / candidates.size(), "simulating " + candidate.offering().key());
            rows.addAll(rowsFor(workload, candidate));
        }
        progress.update(1, "done");
        return new TrainingReport(workload, rows, TrainingRecommender.recommend(rows, workload),
                selection.infeasible(), selection.notSimulated(),
                kernels.backendId(KernelNames.SPOT_TRAINING_MONTE_CARLO));
    }

    private List<ComparisonRow> rowsFor(TrainingWorkload workload, TrainingCandidates.Candidate candidate)
            throws KernelException {
        Offering offering = candidate.offering();
        InstanceCompute compute = candidate.compute();
        int instances = candidate.instances();
        List<String> notes = new ArrayList<>();
        notes.add(String.format("%.1f accelerator-hours on %s at %s (%.0f TFLOP/s peak each)", candidate.unitHours(),
                compute.hardware(), compute.precision(), compute.peakTflops()));
        if (compute.note() != null) {
            notes.add(compute.note());
        }
        int held = compute.kind() == dev.burnrate.api.HardwareKind.CPU ? instances : instances * compute.units();
        if (held > workload.accelerators()) {
            notes.add(String.format("the %d instance%s hold %d accelerators, the job runs on %d: the other %d are"
                            + " paid for and idle", instances, instances == 1 ? "" : "s", held,
                    workload.accelerators(), held - workload.accelerators()));
        }
        List<ComparisonRow> rows = new ArrayList<>();
        double onDemandHourly = offering.prices().onDemand() * instances;
        double steadyHours = candidate.steadyHours();
        rows.add(deterministic(workload, offering, compute, instances, PurchaseOption.ON_DEMAND, steadyHours,
                steadyHours * onDemandHourly, notes));
        Double spot = offering.prices().spot();
        if (spot != null) {
            rows.add(spotRow(workload, offering, compute, instances, TrainingCandidates.plan(workload,
                    candidate.workHours(), interruptionsPerInstanceHour(workload, offering) * instances,
                    spot * instances, onDemandHourly), notes));
        }
        addCommitted(rows, workload, offering, compute, instances, steadyHours, PurchaseOption.COMMITTED_1Y,
                offering.prices().committed1y(), notes);
        addCommitted(rows, workload, offering, compute, instances, steadyHours, PurchaseOption.COMMITTED_3Y,
                offering.prices().committed3y(), notes);
        return rows;
    }

    /** The provider's spot interruption rate for the offering where it publishes one, else the workload's. */
    static double interruptionsPerInstanceHour(TrainingWorkload workload, Offering offering) {
        Double published = offering.spotInterruptionsPerHour();
        return published != null ? published : workload.interruptionsPerHour();
    }

    private ComparisonRow spotRow(TrainingWorkload w, Offering offering, InstanceCompute compute, int instances,
                                  SpotTrainingPlan plan, List<String> notes) throws KernelException {
        KernelRunner.SpotTrainingResult result = kernels.spotTraining(plan.params(w.seed()), w.scenarios());
        int n = w.scenarios();
        int meet = 0;
        int fellBack = 0;
        int interrupted = 0;
        long interruptions = 0;
        for (int s = 0; s < n; s++) {
            meet += result.wallHours()[s] <= w.deadlineHours() ? 1 : 0;
            fellBack += result.onDemandHours()[s] > 0 ? 1 : 0;
            interrupted += result.interruptions()[s] > 0 ? 1 : 0;
            interruptions += result.interruptions()[s];
        }
        int sample = Math.min(SAMPLE, n);
        double[][] pairs = new double[sample][];
        for (int s = 0; s < sample; s++) {
            pairs[s] = new double[]{result.wallHours()[s], result.cost()[s]};
        }
        List<String> rowNotes = new ArrayList<>(notes);
        String rateSource = offering.spotInterruptionsPerHour() != null ? "the provider's rate"
                : "your rate; the provider publishes none";
        rowNotes.add(String.format("%d scenarios; %.4f interruptions per instance-hour (%s), %.4f/h for any of the"
                        + " %d instances; checkpoint every %.1f h; restart %.2f h; falls back to on-demand with less than"
                        + " %.1f h slack", n, interruptionsPerInstanceHour(w, offering), rateSource,
                plan.interruptionsPerHour(), instances, plan.checkpointIntervalHours(), plan.restartHours(),
                plan.fallbackSlackHours()));
        if (plan.spotPrice() >= plan.onDemandPrice()) {
            rowNotes.add(String.format("the catalog's spot price ($%,.4f/h per instance) is not below on-demand"
                    + " ($%,.4f/h)", plan.spotPrice() / instances, plan.onDemandPrice() / instances));
        }
        double meetShare = w.hasDeadline() ? (double) meet / n : Double.NaN;
        ComparisonRow row = new ComparisonRow(offering, compute.hardware(), compute.kind(), instances,
                PurchaseOption.SPOT, Distribution.of(result.cost()), Distribution.of(result.wallHours()), meetShare,
                (double) interruptions / n, (double) interrupted / n, (double) fellBack / n,
                Histogram.of(result.cost(), HISTOGRAM_BINS), pairs, rowNotes,
                Provenance.of(offering, PurchaseOption.SPOT, compute), null);
        return misses(w, meetShare) ? row.ineligible(missesDeadline(w, meetShare)) : row;
    }

    /**
     * A commitment is paid for its whole term: bought for this run alone it costs the term (or the run, if
     * longer); reused by other work afterwards, this run's share is its own hours, but the obligation stays the
     * term's. Bought for this run alone, it is recommended only when the run spans the term.
     */
    private static void addCommitted(List<ComparisonRow> rows, TrainingWorkload w, Offering offering,
                                     InstanceCompute compute, int instances, double hours, PurchaseOption option,
                                     Double price, List<String> notes) {
        if (price == null) {
            return;
        }
        double termHours = CommitmentTerm.hours(option);
        double billedHours = w.commitmentReused() ? hours : Math.max(hours, termHours);
        List<String> rowNotes = new ArrayList<>(notes);
        String obligation = CommitmentTerm.obligationText(option, price, instances);
        rowNotes.add(w.commitmentReused()
                ? "commitment reused by other work: only this run's hours count here, but " + obligation
                : String.format("the whole term is paid although the run takes %,.0f h: %s", hours, obligation));
        ComparisonRow row = deterministic(w, offering, compute, instances, option, hours,
                billedHours * price * instances, rowNotes);
        if (row.isEligible() && !w.commitmentReused() && hours < termHours) {
            row = row.ineligible(String.format("the run takes %,.0f h; a %s runs %,.0f h (%d months) and is paid in"
                    + " full", hours, ComparisonRow.optionName(option), termHours, CommitmentTerm.months(option)));
        }
        rows.add(row);
    }

    private static ComparisonRow deterministic(TrainingWorkload w, Offering offering, InstanceCompute compute,
                                               int instances, PurchaseOption option, double hours, double cost,
                                               List<String> notes) {
        double meet = w.hasDeadline() ? (hours <= w.deadlineHours() ? 1 : 0) : Double.NaN;
        ComparisonRow row = new ComparisonRow(offering, compute.hardware(), compute.kind(), instances, option,
                Distribution.constant(cost), Distribution.constant(hours), meet, 0, 0, 0,
                Histogram.of(new double[]{cost}, 1), new double[][]{{hours, cost}}, notes,
                Provenance.of(offering, option, compute), null);
        return misses(w, meet) ? row.ineligible(missesDeadline(w, meet)) : row;
    }

    private static boolean misses(TrainingWorkload w, double meetShare) {
        return w.hasDeadline() && meetShare < w.deadlineConfidence();
    }

    static String missesDeadline(TrainingWorkload w, double meetShare) {
        return String.format("meets the %,.0f h deadline in only %s of runs (%s required)", w.deadlineHours(),
                CostWording.percent(meetShare), CostWording.percent(w.deadlineConfidence()));
    }
}
