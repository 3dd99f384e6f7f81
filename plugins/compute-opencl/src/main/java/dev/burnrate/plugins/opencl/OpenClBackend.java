package dev.burnrate.plugins.opencl;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.api.PluginContext;
import org.pf4j.Extension;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Burnrate's kernels as OpenCL C through JOCL: PoCL on CPUs, the NVIDIA driver's OpenCL on GPUs. The device is
 * opened on first use; when there is no OpenCL platform or no device of the preferred type, the backend reports
 * itself unavailable with the reason instead of failing. Launches are serialised (one queue, shared kernels).
 */
@Extension
public final class OpenClBackend implements ComputeBackend {

    public static final String ID = "opencl";

    private DevicePreference preference;
    private OpenClDevice device;
    private Availability availability;

    /** The device type from the plugin setting or system property (see {@link DevicePreference}). */
    public OpenClBackend() {
        this.preference = fromProperty(DevicePreference.ANY);
    }

    /** A backend on a device of the given type: {@code any}, {@code gpu}, {@code cpu} or {@code accelerator}. */
    public OpenClBackend(String deviceType) {
        this.preference = DevicePreference.parse(deviceType, "device type");
    }

    @Override
    public synchronized void init(PluginContext context) {
        DevicePreference configured = DevicePreference.parse(context.setting(DevicePreference.SETTING).orElse(null),
                "plugin setting " + DevicePreference.SETTING);
        this.preference = fromProperty(configured);
    }

    private static DevicePreference fromProperty(DevicePreference fallback) {
        String property = System.getProperty(DevicePreference.PROPERTY);
        return property == null ? fallback : DevicePreference.parse(property, "-D" + DevicePreference.PROPERTY);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "OpenCL (JOCL)";
    }

    /**
     * One lock for every copy of this plugin in the process. Two portals in one JVM (as the tests run them) load the
     * plugin, and JOCL with it, in two class loaders; the OpenCL ICD loader's first call and PoCL's program builds
     * are not safe from two copies at once (the JVM died in native code at start-up while both calibrated). The
     * plugin API's classes are shared by every plugin class loader, so a lock on one is process-wide.
     */
    static final Object PROCESS_LOCK = dev.burnrate.api.ComputeBackend.class;

    /**
     * PoCL compiles programs and work-group functions with LLVM in the calling thread, which needs more stack than a
     * worker thread's default (a portal's background thread died in native code, where the JVM cannot report a stack
     * overflow). Every OpenCL call therefore runs on this thread with a large stack.
     */
    private static final ExecutorService CALLS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(null, task, "opencl-calls", 512L << 20);
        thread.setDaemon(true);
        return thread;
    });

    /** Runs an OpenCL call on the large-stack thread under the process-wide lock, and waits for it. */
    private static <T> T onCallThread(Callable<T> call) throws KernelException {
        Future<T> result = CALLS.submit(() -> {
            synchronized (PROCESS_LOCK) {
                return call.call();
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted while waiting for the OpenCL device");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KernelException k) {
                throw k;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new KernelException("OpenCL call failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public synchronized Availability availability() {
        try {
            return onCallThread(this::availabilityLocked);
        } catch (KernelException e) {
            return Availability.no(e.getMessage());
        }
    }

    private Availability availabilityLocked() {
        if (availability == null) {
            try {
                device = OpenClDevice.open(preference);
                availability = Availability.yes();
            } catch (RuntimeException | LinkageError e) {
                availability = Availability.no(reason(e));
            }
        }
        return availability;
    }

    private static String reason(Throwable e) {
        if (e instanceof UnsatisfiedLinkError) {
            return "the OpenCL library could not be loaded (install ocl-icd-libopencl1 and an ICD): " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public synchronized List<DeviceInfo> devices() {
        return availability().available() ? List.of(device.info()) : List.of();
    }

    @Override
    public synchronized Set<String> kernels() {
        if (availability().available() && !device.supportsDoubles()) {
            return Set.of(KernelNames.SGEMM, KernelNames.BATCHED_GEMV);
        }
        return new LinkedHashSet<>(KernelNames.ALL);
    }

    @Override
    public synchronized void launch(KernelLaunch launch) throws KernelException {
        Availability available = availability();
        if (!available.available()) {
            throw new KernelException(ID + " is not available: " + available.reason());
        }
        if (!kernels().contains(launch.kernel())) {
            throw new KernelException("unknown kernel '" + launch.kernel() + "' for " + ID + " on "
                    + device.info().name() + "; it runs " + kernels());
        }
        onCallThread(() -> {
            launchLocked(launch);
            return null;
        });
    }

    private void launchLocked(KernelLaunch launch) throws KernelException {
        try {
            switch (launch.kernel()) {
                case KernelNames.SPOT_TRAINING_MONTE_CARLO -> OpenClKernels.spotTraining(device, launch);
                case KernelNames.INFERENCE_CAPACITY -> OpenClKernels.inferenceCapacity(device, launch);
                case KernelNames.COMMITMENT_COVERAGE -> OpenClKernels.commitmentCoverage(device, launch);
                case KernelNames.EXP_SMOOTHING_GRID -> OpenClKernels.expSmoothingGrid(device, launch);
                case KernelNames.EXP_SMOOTHING_FORECAST -> OpenClKernels.expSmoothingForecast(device, launch);
                case KernelNames.SGEMM -> OpenClKernels.sgemm(device, launch);
                case KernelNames.BATCHED_GEMV -> OpenClKernels.batchedGemv(device, launch);
                case KernelNames.ANOMALY_SCORE -> OpenClKernels.anomalyScore(device, launch);
                default -> throw new KernelException("unknown kernel '" + launch.kernel() + "'");
            }
        } catch (org.jocl.CLException e) {
            throw new KernelException(launch.kernel() + " failed on " + device.info().name() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            onCallThread(() -> {
                if (device != null) {
                    device.close();
                    device = null;
                }
                availability = null;
                return null;
            });
        } catch (KernelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
