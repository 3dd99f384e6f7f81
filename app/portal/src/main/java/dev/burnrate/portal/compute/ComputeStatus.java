package dev.burnrate.portal.compute;

import dev.burnrate.api.DeviceInfo;
import dev.burnrate.engine.kernel.BackendMeasurement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the compute page shows: the backends, the measurements of the last calibration and the backend chosen for
 * each kernel with the reason.
 *
 * @param calibratedAt when the last calibration finished, or null while none has
 * @param cpuPeak      this machine's fp32 peak and how it was derived
 */
public record ComputeStatus(List<Backend> backends, List<BackendMeasurement> measurements,
                            Map<String, Choice> choices, Instant calibratedAt, double cpuPeakGflops,
                            String cpuPeak) {

    /**
     * One backend as the page lists it.
     *
     * @param peakGflops fp32 peak of its device in GFLOP/s (NaN when unknown)
     * @param peakSource where the peak comes from: a hardware plugin's datasheet or this machine's CPU flags
     */
    public record Backend(String id, String name, boolean available, String reason, List<DeviceInfo> devices,
                          boolean plugin, double peakGflops, String peakSource) {
    }

    /** The backend chosen for a kernel, why, and whether an administrator overrode it. */
    public record Choice(String backendId, String reason, String override) {
    }
}
