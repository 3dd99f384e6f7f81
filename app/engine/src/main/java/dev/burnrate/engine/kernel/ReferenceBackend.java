package dev.burnrate.engine.kernel;

import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.DeviceType;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.anomaly.AnomalyScoreKernel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain Java on one thread: the definition of every kernel's result and the fallback that is always available.
 */
public final class ReferenceBackend implements ComputeBackend {

    public static final String ID = "reference";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Reference (plain Java, one thread)";
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(new DeviceInfo("JVM, 1 thread", DeviceType.CPU, System.getProperty("java.vm.vendor"), 1,
                Runtime.getRuntime().maxMemory()));
    }

    @Override
    public Set<String> kernels() {
        return new LinkedHashSet<>(KernelNames.ALL);
    }

    @Override
    public void launch(KernelLaunch launch) throws KernelException {
        BoundKernel kernel = bind(launch);
        kernel.run(0, kernel.items());
    }

    /** The reference implementation of a launch, checked and ready to run over any range of its items. */
    public static BoundKernel bind(KernelLaunch launch) throws KernelException {
        return switch (launch.kernel()) {
            case KernelNames.SPOT_TRAINING_MONTE_CARLO -> SpotTrainingKernel.bind(launch);
            case KernelNames.INFERENCE_CAPACITY -> InferenceCapacityKernel.bind(launch);
            case KernelNames.COMMITMENT_COVERAGE -> CommitmentCoverageKernel.bind(launch);
            case KernelNames.SGEMM -> SgemmKernel.bind(launch);
            case KernelNames.BATCHED_GEMV -> BatchedGemvKernel.bind(launch);
            case KernelNames.ANOMALY_SCORE -> AnomalyScoreKernel.bind(launch);
            case KernelNames.EXP_SMOOTHING_GRID -> ExpSmoothingKernel.bindGrid(launch);
            case KernelNames.EXP_SMOOTHING_FORECAST -> ExpSmoothingKernel.bindForecast(launch);
            default -> throw new KernelException("unknown kernel '" + launch.kernel() + "'; known: "
                    + KernelNames.ALL);
        };
    }
}
