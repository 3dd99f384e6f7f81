package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelNames;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.kernel.SpotTrainingPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a training run on candidate offerings: on-demand and committed options are deterministic (no
 * interruptions), spot options run the Monte Carlo kernel. Work is scaled to each offering by peak throughput at
 * the workload's precision.
 */
public final class TrainingSimulator {

    static final int HISTOGRAM_BINS = 30;
    static final int SAMPLE = 400;
    static final double HOURS_1Y = 8760;
    static final double HOURS_3Y = 3 * 8760;

    private final KernelRunner kernels;

    public TrainingSimulator(KernelRunner kernels) {
        this.kernels = kernels;
    }

    public TrainingReport simulate(TrainingWorkload workload, List<Offering> offerings, List<HardwareSpec> specs,
                                   double cpuGflopsPerVcpu, SimulationProgress progress) throws KernelException {
        List<ComparisonRow> rows = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        double referencePeak = referencePeak(workload, specs);
        for (int i = 0; i < offerings.size(); i++) {
            Offering offering = offerings.get(i);
            progress.update((double) i / offerings.size(), "simulating " + offering.key());
            InstanceCompute compute = InstanceCompute.of(offering, specs, workload.precision(), cpuGflopsPerVcpu)
                    .orElse(null);
            if (compute == null) {
                skipped.put(offering.key(), "no hardware spec for accelerator " + offering.acceleratorName());
                continue;
            }
            if (compute.peakTflops() <= 0) {
                skipped.put(offering.key(), compute.hardware() + " publishes no usable peak throughput");
                continue;
            }
            rows.addAll(rowsFor(workload, offering, compute, referencePeak));
        }
        progress.update(1, "done");
        Recommendation recommendation = rows.isEmpty() ? null : TrainingRecommender.recommend(rows, workload);
        return new TrainingReport(workload, rows, recommendation, skipped,
                kernels.backendId(KernelNames.SPOT_TRAINING_MONTE_CARLO));
    }

    private static double referencePeak(TrainingWorkload workload, List<HardwareSpec> specs) {
        if (!(workload.effort() instanceof TrainingWorkload.GpuHours gpuHours)) {
            return Double.NaN;
        }
        HardwareSpec reference = specs.stream().filter(s -> s.matches(gpuHours.referenceAccelerator())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown reference accelerator '"
                        + gpuHours.referenceAccelerator() + "': no hardware catalog describes it"));
        double peak = reference.peak(workload.precision());
        if (peak <= 0) {
            throw new IllegalArgumentException(reference.model() + " publishes no " + workload.precision() + " peak");
        }
        return peak;
    }

    private List<ComparisonRow> rowsFor(TrainingWorkload workload, Offering offering, InstanceCompute compute,
                                        double referencePeak) throws KernelException {
        int instances = compute.kind() == HardwareKind.CPU ? workload.accelerators()
                : (workload.accelerators() + compute.units() - 1) / compute.units();
        double unitHours = switch (workload.effort()) {
            case TrainingWorkload.GpuHours gpu -> gpu.hours() * referencePeak / compute.peakTflops();
            case TrainingWorkload.ModelFlops model ->
                    model.flops() / (compute.peakTflops() * 1e12 * model.utilisation() * 3600);
        };
        double workHours = unitHours / ((double) instances * compute.units());
        List<String> notes = new ArrayList<>();
        notes.add(String.format("%.1f accelerator-hours on %s at %s (%.0f TFLOP/s peak each)", unitHours,
                compute.hardware(), compute.precision(), compute.peakTflops()));
        if (compute.note() != null) {
            notes.add(compute.note());
        }
        List<ComparisonRow> rows = new ArrayList<>();
        double onDemandHourly = offering.prices().onDemand() * instances;
        SpotTrainingPlan steady = plan(workload, workHours, 0, onDemandHourly, onDemandHourly);
        double steadyHours = steady.expectedWallHoursMemoryless();
        rows.add(deterministic(workload, offering, compute, instances, PurchaseOption.ON_DEMAND, steadyHours,
                steadyHours * onDemandHourly, notes));
        Double spot = offering.prices().spot();
        if (spot != null) {
            rows.add(spotRow(workload, offering, compute, instances,
                    plan(workload, workHours, interruptionsPerInstanceHour(workload, offering) * instances,
                            spot * instances, onDemandHourly),
                    notes));
        }
        addCommitted(rows, workload, offering, compute, instances, steadyHours, PurchaseOption.COMMITTED_1Y,
                offering.prices().committed1y(), HOURS_1Y, notes);
        addCommitted(rows, workload, offering, compute, instances, steadyHours, PurchaseOption.COMMITTED_3Y,
                offering.prices().committed3y(), HOURS_3Y, notes);
        return rows;
    }

    /** The provider's spot interruption rate for the offering where it publishes one, else the workload's. */
    static double interruptionsPerInstanceHour(TrainingWorkload workload, Offering offering) {
        Double published = offering.spotInterruptionsPerHour();
        return published != null ? published : workload.interruptionsPerHour();
    }

    private static SpotTrainingPlan plan(TrainingWorkload w, double workHours, double rate, double spotHourly,
                                         double onDemandHourly) {
        double interval = Math.min(w.checkpointIntervalHours(), workHours);
        return new SpotTrainingPlan(workHours, interval, w.checkpointOverheadHours(), w.restartHours(), rate,
                spotHourly, onDemandHourly, w.deadlineHours(), w.restartHours() + interval, w.maxInterruptions());
    }

    private ComparisonRow spotRow(TrainingWorkload w, Offering offering, InstanceCompute compute, int instances,
                                  SpotTrainingPlan plan, List<String> notes) throws KernelException {
        KernelRunner.SpotTrainingResult result = kernels.spotTraining(plan.params(w.seed()), w.scenarios());
        int n = w.scenarios();
        int meet = 0;
        int fellBack = 0;
        long interruptions = 0;
        for (int s = 0; s < n; s++) {
            meet += result.wallHours()[s] <= w.deadlineHours() ? 1 : 0;
            fellBack += result.onDemandHours()[s] > 0 ? 1 : 0;
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
        return new ComparisonRow(offering, compute.hardware(), compute.kind(), instances, PurchaseOption.SPOT,
                Distribution.of(result.cost()), Distribution.of(result.wallHours()),
                w.hasDeadline() ? (double) meet / n : Double.NaN, (double) interruptions / n, (double) fellBack / n,
                Histogram.of(result.cost(), HISTOGRAM_BINS), pairs, rowNotes);
    }

    private static void addCommitted(List<ComparisonRow> rows, TrainingWorkload w, Offering offering,
                                     InstanceCompute compute, int instances, double hours, PurchaseOption option,
                                     Double price, double termHours, List<String> notes) {
        if (price == null) {
            return;
        }
        double billedHours = w.commitmentReused() ? hours : Math.max(hours, termHours);
        List<String> rowNotes = new ArrayList<>(notes);
        rowNotes.add(w.commitmentReused() ? "commitment reused by other work: only this run's hours count"
                : String.format("the whole term is paid (%.0f h) although the run takes %.0f h", termHours, hours));
        rows.add(deterministic(w, offering, compute, instances, option, hours,
                billedHours * price * instances, rowNotes));
    }

    private static ComparisonRow deterministic(TrainingWorkload w, Offering offering, InstanceCompute compute,
                                               int instances, PurchaseOption option, double hours, double cost,
                                               List<String> notes) {
        double meet = w.hasDeadline() ? (hours <= w.deadlineHours() ? 1 : 0) : Double.NaN;
        return new ComparisonRow(offering, compute.hardware(), compute.kind(), instances, option,
                Distribution.constant(cost), Distribution.constant(hours), meet, 0, 0,
                Histogram.of(new double[]{cost}, 1), new double[][]{{hours, cost}}, notes);
    }
}
