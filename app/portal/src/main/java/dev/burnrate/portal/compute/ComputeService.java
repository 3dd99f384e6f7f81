package dev.burnrate.portal.compute;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.BackendChoice;
import dev.burnrate.engine.kernel.BackendSelector;
import dev.burnrate.engine.kernel.CpuPeak;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.metrics.OperationMetrics;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.settings.SettingsService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The compute backends of the portal and the choice of backend per kernel. At start-up (in the background) and
 * whenever an administrator asks, every kernel is calibrated on every available backend and the fastest is
 * chosen; an administrator may override the choice per kernel (setting {@value #SETTING_PREFIX}{@code <kernel>},
 * audited). Until the first calibration ends, kernels run on the reference backend.
 */
@Service
public class ComputeService {

    public static final String SETTING_PREFIX = "compute.backend.";
    private static final Logger log = LoggerFactory.getLogger(ComputeService.class);

    private final List<ComputeBackend> engineBackends = List.of(new ReferenceBackend(), new JvmSimdBackend());
    private final PluginComputeBackends plugins;
    private final DatasheetPeaks datasheets;
    private final SettingsService settings;
    private final Clock clock;
    private final BackgroundWork work;
    private final CpuPeak cpuPeak = CpuPeak.detect(Runtime.getRuntime().availableProcessors());
    private volatile BackendChoice choice;
    private volatile List<ComputeBackend> calibrated = List.of();
    private volatile Instant calibratedAt;
    private final OperationMetrics metrics;

    public ComputeService(PluginComputeBackends plugins, DatasheetPeaks datasheets, SettingsService settings,
                          Clock clock, BackgroundWork work, OperationMetrics metrics) {
        this.plugins = plugins;
        this.work = work;
        this.metrics = metrics;
        this.datasheets = datasheets;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void calibrateInBackground() {
        work.submit("the compute backend calibration", () -> {
            try {
                SystemRunner.runAsSystem(this::calibrateNow);
            } catch (RuntimeException e) {
                log.error("Compute backend calibration failed; kernels stay on the reference backend", e);
            }
        });
    }

    /** Routes each kernel to the chosen backend (the reference until calibration has run), its runs timed. */
    @PermitAll
    public KernelRouter router() {
        BackendChoice current = choice;
        return kernel -> metrics.timed(current == null ? engineBackends.getFirst() : current.backendFor(kernel));
    }

    /** Re-measures every backend and chooses again (seconds). */
    @RolesAllowed(Role.Names.ADMIN)
    public ComputeStatus recalibrate() {
        calibrateNow();
        return status();
    }

    /**
     * Sets or (with {@code null}) clears the backend override of a kernel and chooses again from the last
     * calibration's measurements (no new measurement: that takes seconds per backend). Audited.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public ComputeStatus override(String kernel, String backendId) {
        if (!KernelNames.ALL.contains(kernel)) {
            throw new IllegalArgumentException("unknown kernel '" + kernel + "'");
        }
        if (backendId != null && allBackends().stream().noneMatch(b -> b.id().equals(backendId))) {
            throw new IllegalArgumentException("unknown compute backend '" + backendId + "'");
        }
        settings.put(SETTING_PREFIX + kernel, backendId);
        synchronized (this) {
            BackendChoice current = choice;
            if (current == null) {
                calibrateNow();
            } else {
                choice = new BackendSelector(calibrated).choose(current.measurements(), overrides());
            }
        }
        return status();
    }

    @PermitAll
    public ComputeStatus status() {
        List<ComputeBackend> backends = calibrated.isEmpty() ? allBackends() : calibrated;
        List<ComputeStatus.Backend> listed = new ArrayList<>();
        for (ComputeBackend backend : backends) {
            var availability = backend.availability();
            List<dev.burnrate.api.DeviceInfo> devices = availability.available() ? backend.devices() : List.of();
            double peak = Double.NaN;
            String source = "unknown";
            var spec = devices.stream().map(datasheets::forDevice).flatMap(Optional::stream).findFirst();
            if (spec.isPresent()) {
                peak = spec.get().peak(dev.burnrate.api.Precision.FP32) * 1000;
                source = spec.get().model() + " datasheet (" + spec.get().vendor() + ")";
            } else if (!devices.isEmpty() && devices.stream()
                    .allMatch(d -> d.type() == dev.burnrate.api.DeviceType.CPU)) {
                peak = cpuPeak.gflops();
                source = "this machine's CPU (/proc/cpuinfo)";
            }
            listed.add(new ComputeStatus.Backend(backend.id(), backend.displayName(), availability.available(),
                    availability.reason(), devices, !engineBackends.contains(backend), peak, source));
        }
        Map<String, ComputeStatus.Choice> choices = new LinkedHashMap<>();
        BackendChoice current = choice;
        Map<String, String> overrides = overrides();
        for (String kernel : KernelNames.ALL) {
            choices.put(kernel, current == null
                    ? new ComputeStatus.Choice(ReferenceBackend.ID, "not calibrated yet", overrides.get(kernel))
                    : new ComputeStatus.Choice(current.backendFor(kernel).id(), current.reasons().get(kernel),
                    overrides.get(kernel)));
        }
        return new ComputeStatus(listed, current == null ? List.of() : current.measurements(), choices,
                calibratedAt, cpuPeak.gflops(), cpuPeak.derivation());
    }

    /** The backend ids a kernel may be overridden to. */
    @PermitAll
    public List<String> backendIds() {
        return allBackends().stream().map(ComputeBackend::id).toList();
    }

    /** This machine's CPU fp32 peak per core in GFLOP/s (the simulator's assumption for CPU-only offerings). */
    @PermitAll
    public double cpuGflopsPerCore() {
        return cpuPeak.gflops() / Runtime.getRuntime().availableProcessors();
    }

    private synchronized void calibrateNow() {
        List<ComputeBackend> backends = allBackends();
        long start = System.nanoTime();
        BackendChoice chosen = new BackendSelector(backends).calibrate(overrides());
        this.calibrated = backends;
        this.choice = chosen;
        this.calibratedAt = clock.instant();
        log.info("Calibrated {} compute backends in {} ms: {}", backends.size(),
                (System.nanoTime() - start) / 1_000_000, chosen.reasons().keySet().stream()
                        .map(k -> k + "=" + chosen.backendFor(k).id()).toList());
    }

    private List<ComputeBackend> allBackends() {
        List<ComputeBackend> all = new ArrayList<>(engineBackends);
        try {
            all.addAll(plugins.backends());
        } catch (RuntimeException e) {
            log.warn("Could not list plugin compute backends; using the engine's own", e);
        }
        return all;
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String kernel : KernelNames.ALL) {
            Optional<String> value = settings.get(SETTING_PREFIX + kernel);
            value.filter(v -> !v.isBlank()).ifPresent(v -> overrides.put(kernel, v));
        }
        return overrides;
    }

    @PreDestroy
    void close() {
        engineBackends.forEach(ComputeBackend::close);
    }
}
