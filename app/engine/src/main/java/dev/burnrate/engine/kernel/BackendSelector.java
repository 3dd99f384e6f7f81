package dev.burnrate.engine.kernel;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Picks the fastest available backend per kernel: runs every kernel's {@link KernelProbes probe} repeatedly on
 * each available backend that implements it until the best time stops improving (at least {@value #MIN_RUNS}
 * runs; ends after {@value #STALE_RUNS} runs without a 5% gain, {@value #MAX_RUNS} runs or a budget of
 * {@value #BUDGET_MILLIS} ms), and keeps the best time. The JIT needs those repetitions: Vector API code is slow
 * (boxed) until C2 has compiled it, and a single warm-up run made jvm-simd look slower than the reference.
 * A backend that is unavailable, lacks the kernel or fails the probe is recorded with the reason and never chosen.
 * An override (kernel to backend id) wins when that backend could run the probe; otherwise the fastest is used and
 * the reason says why the override was ignored. The reference backend is always a candidate, so every kernel gets
 * a backend.
 */
public final class BackendSelector {

    static final int MIN_RUNS = 3;
    static final int STALE_RUNS = 3;
    static final int MAX_RUNS = 60;
    static final long BUDGET_MILLIS = 1500;

    private final List<ComputeBackend> backends;
    private final LongSupplier nanoTime;

    /** @param backends the candidates; the reference backend is added when missing */
    public BackendSelector(List<ComputeBackend> backends) {
        this(backends, System::nanoTime);
    }

    BackendSelector(List<ComputeBackend> backends, LongSupplier nanoTime) {
        List<ComputeBackend> all = new ArrayList<>(backends);
        if (all.stream().noneMatch(b -> ReferenceBackend.ID.equals(b.id()))) {
            all.addFirst(new ReferenceBackend());
        }
        this.backends = List.copyOf(all);
        this.nanoTime = nanoTime;
    }

    public List<ComputeBackend> backends() {
        return backends;
    }

    /** Measures every kernel on every backend and chooses; {@code overrides} maps kernel names to backend ids. */
    public BackendChoice calibrate(Map<String, String> overrides) {
        return choose(measureAll(), overrides);
    }

    /** Every kernel's probe on every backend. */
    public List<BackendMeasurement> measureAll() {
        List<BackendMeasurement> measurements = new ArrayList<>();
        for (String kernel : KernelNames.ALL) {
            for (ComputeBackend backend : backends) {
                measurements.add(measure(kernel, backend));
            }
        }
        return measurements;
    }

    /**
     * Chooses from earlier measurements without measuring again (e.g. after an override changed): the override
     * where its backend ran the kernel's probe, else the fastest.
     */
    public BackendChoice choose(List<BackendMeasurement> measurements, Map<String, String> overrides) {
        Map<String, ComputeBackend> chosen = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String kernel : KernelNames.ALL) {
            List<BackendMeasurement> forKernel = measurements.stream().filter(m -> m.kernel().equals(kernel))
                    .filter(m -> backends.stream().anyMatch(b -> b.id().equals(m.backendId()))).toList();
            BackendMeasurement fastest = forKernel.stream().filter(BackendMeasurement::succeeded)
                    .min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElse(null);
            String wanted = overrides.get(kernel);
            BackendMeasurement override = wanted == null ? null : forKernel.stream()
                    .filter(m -> m.backendId().equals(wanted) && m.succeeded()).findFirst().orElse(null);
            if (override != null) {
                chosen.put(kernel, byId(override.backendId()));
                reasons.put(kernel, "overridden in settings (" + wanted + ")");
            } else if (fastest != null) {
                chosen.put(kernel, byId(fastest.backendId()));
                reasons.put(kernel, (wanted == null ? "" : "override '" + wanted + "' cannot run this kernel; ")
                        + "fastest in calibration (" + String.format("%.1f ms", fastest.seconds() * 1e3) + ")");
            } else {
                chosen.put(kernel, byId(ReferenceBackend.ID));
                reasons.put(kernel, "no backend completed the probe; using the reference");
            }
        }
        return new BackendChoice(chosen, measurements, reasons);
    }

    private BackendMeasurement measure(String kernel, ComputeBackend backend) {
        KernelProbes.Probe probe = KernelProbes.probe(kernel);
        var availability = backend.availability();
        if (!availability.available()) {
            return failed(kernel, backend, probe, "not available: " + availability.reason());
        }
        if (!backend.kernels().contains(kernel)) {
            return failed(kernel, backend, probe, "does not implement " + kernel);
        }
        try {
            double best = Double.MAX_VALUE;
            int stale = 0;
            long end = nanoTime.getAsLong() + BUDGET_MILLIS * 1_000_000;
            for (int run = 0; run < MAX_RUNS && (run < MIN_RUNS || (stale < STALE_RUNS
                    && nanoTime.getAsLong() < end)); run++) {
                long start = nanoTime.getAsLong();
                backend.launch(probe.launch());
                double seconds = (nanoTime.getAsLong() - start) / 1e9;
                stale = seconds < 0.95 * best ? 0 : stale + 1;
                best = Math.min(best, seconds);
            }
            double gflops = probe.flops() > 0 ? probe.flops() / best / 1e9 : Double.NaN;
            return new BackendMeasurement(kernel, backend.id(), probe.description(), best, gflops, null);
        } catch (KernelException | RuntimeException e) {
            return failed(kernel, backend, probe, "failed: " + e.getMessage());
        }
    }

    private static BackendMeasurement failed(String kernel, ComputeBackend backend, KernelProbes.Probe probe,
                                             String problem) {
        return new BackendMeasurement(kernel, backend.id(), probe.description(), Double.NaN, Double.NaN, problem);
    }

    private ComputeBackend byId(String id) {
        return backends.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }
}
