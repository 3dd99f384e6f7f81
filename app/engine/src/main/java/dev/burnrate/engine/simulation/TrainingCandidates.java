package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.engine.kernel.SpotTrainingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feasibility first, then cost: decides which offerings can run a training job at all (a hardware spec with a
 * usable peak, memory for the training state, and on-demand time within the deadline), says why the others
 * cannot, and keeps the cheapest feasible ones up to a limit for the Monte Carlo, listing those left out.
 */
final class TrainingCandidates {

    /**
     * Bytes of training state per parameter in mixed precision with Adam: BF16/FP16 weights and gradients (2 + 2),
     * an FP32 master copy and two FP32 moments (4 + 4 + 4). Sharded over all accelerators (FSDP / ZeRO-3);
     * activations come on top and are not counted, so this is the least the job needs.
     */
    static final double TRAINING_BYTES_PER_PARAMETER = 16;

    /** One offering that can run the job, sized for it. */
    record Candidate(Offering offering, InstanceCompute compute, int instances, double unitHours, double workHours,
                     double steadyHours, double rankCost) {
    }

    /**
     * @param simulated    feasible offerings to simulate, cheapest first
     * @param infeasible   offering key -> why it cannot run the job
     * @param notSimulated keys of feasible offerings beyond the limit, cheapest first
     */
    record Selection(List<Candidate> simulated, Map<String, String> infeasible, List<String> notSimulated) {
    }

    private TrainingCandidates() {
    }

    static Selection select(TrainingWorkload w, List<Offering> offerings, List<HardwareSpec> specs,
                            double cpuGflopsPerVcpu, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one offering must be simulated: " + limit);
        }
        double referencePeak = referencePeak(w, specs);
        HardwareKind askedKind = askedKind(w, specs);
        Map<String, String> infeasible = new LinkedHashMap<>();
        List<Candidate> feasible = new ArrayList<>();
        for (Offering offering : offerings) {
            InstanceCompute compute = InstanceCompute.of(offering, specs, w.precision(), cpuGflopsPerVcpu)
                    .orElse(null);
            if (compute == null) {
                infeasible.put(offering.key(), "no hardware spec for accelerator " + offering.acceleratorName());
                continue;
            }
            if (compute.peakTflops() <= 0) {
                infeasible.put(offering.key(), compute.hardware() + " publishes no usable peak throughput");
                continue;
            }
            if (askedKind != null && compute.kind() != HardwareKind.CPU && compute.kind() != askedKind) {
                infeasible.put(offering.key(), String.format(Locale.ROOT, "no accelerator of the asked kind: the job"
                                + " is sized in %s-hours on %ss, this offering has %s (%s)", reference(w), askedKind,
                        compute.hardware(), compute.kind()));
                continue;
            }
            Candidate candidate = size(w, offering, compute, referencePeak);
            String reason = whyNot(w, candidate);
            if (reason != null) {
                infeasible.put(offering.key(), reason);
            } else {
                feasible.add(candidate);
            }
        }
        feasible.sort(Comparator.comparingDouble(Candidate::rankCost));
        List<Candidate> simulated = feasible.subList(0, Math.min(limit, feasible.size()));
        List<String> left = feasible.subList(simulated.size(), feasible.size()).stream()
                .map(c -> c.offering().key()).toList();
        return new Selection(List.copyOf(simulated), infeasible, left);
    }

    private static Candidate size(TrainingWorkload w, Offering offering, InstanceCompute compute,
                                  double referencePeak) {
        int instances = compute.kind() == HardwareKind.CPU ? w.accelerators()
                : (w.accelerators() + compute.units() - 1) / compute.units();
        double unitHours = switch (w.effort()) {
            case TrainingWorkload.GpuHours gpu -> gpu.hours() * referencePeak / compute.peakTflops();
            case TrainingWorkload.ModelFlops model ->
                    model.flops() / (compute.peakTflops() * 1e12 * model.utilisation() * 3600);
        };
        // The job runs on the accelerators it asks for; an instance with more holds idle ones, which are paid for.
        double workHours = unitHours / w.accelerators();
        double onDemandHourly = offering.prices().onDemand() * instances;
        SpotTrainingPlan steady = plan(w, workHours, 0, onDemandHourly, onDemandHourly);
        double steadyHours = steady.expectedWallHoursMemoryless();
        double rank = steadyHours * onDemandHourly;
        Double spot = offering.prices().spot();
        if (spot != null) {
            // The memoryless expectation of the spot run, ignoring the deadline: good enough to order candidates.
            double rate = TrainingSimulator.interruptionsPerInstanceHour(w, offering) * instances;
            rank = Math.min(rank, plan(w, workHours, rate, spot * instances, onDemandHourly)
                    .expectedWallHoursMemoryless() * spot * instances);
        }
        return new Candidate(offering, compute, instances, unitHours, workHours, steadyHours, rank);
    }

    /** Why the sized offering cannot run the job, or null. */
    private static String whyNot(TrainingWorkload w, Candidate c) {
        if (w.effort() instanceof TrainingWorkload.ModelFlops model) {
            double needGb = model.parameters() * TRAINING_BYTES_PER_PARAMETER / 1e9;
            double haveGb = (double) c.instances() * c.compute().units() * c.compute().memoryGb();
            if (needGb > haveGb) {
                return String.format(Locale.ROOT, "too little memory: the training state of %,.0f parameters needs"
                                + " at least %,.0f GB (%.0f bytes each), %d x %s hold %,.0f GB", model.parameters(),
                        needGb, TRAINING_BYTES_PER_PARAMETER, c.instances() * c.compute().units(),
                        c.compute().hardware(), haveGb);
            }
        }
        if (w.hasDeadline() && c.steadyHours() > w.deadlineHours()) {
            return String.format(Locale.ROOT, "cannot finish before the deadline: needs %,.0f h on %d instance%s"
                            + " without any interruption, the deadline is %,.0f h", c.steadyHours(), c.instances(),
                    c.instances() == 1 ? "" : "s", w.deadlineHours());
        }
        return null;
    }

    static SpotTrainingPlan plan(TrainingWorkload w, double workHours, double rate, double spotHourly,
                                 double onDemandHourly) {
        double interval = Math.min(w.checkpointIntervalHours(), workHours);
        return new SpotTrainingPlan(workHours, interval, w.checkpointOverheadHours(), w.restartHours(), rate,
                spotHourly, onDemandHourly, w.deadlineHours(), w.restartHours() + interval, w.maxInterruptions());
    }

    /**
     * The kind of accelerator a job sized in accelerator-hours runs on: its reference accelerator's (code written
     * for GPUs does not run on TPUs as it is). CPU-only offerings stay candidates when the filter includes them.
     */
    private static HardwareKind askedKind(TrainingWorkload w, List<HardwareSpec> specs) {
        if (!(w.effort() instanceof TrainingWorkload.GpuHours gpuHours)) {
            return null;
        }
        return specs.stream().filter(s -> s.matches(gpuHours.referenceAccelerator())).findFirst()
                .map(HardwareSpec::kind).filter(kind -> kind != HardwareKind.CPU).orElse(null);
    }

    private static String reference(TrainingWorkload w) {
        return ((TrainingWorkload.GpuHours) w.effort()).referenceAccelerator();
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
}
