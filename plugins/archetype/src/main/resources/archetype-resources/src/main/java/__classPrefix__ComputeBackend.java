package ${package};

import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.DeviceType;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.pf4j.Extension;

/**
 * A compute backend that runs one of Burnrate's kernels, {@link KernelNames#COMMITMENT_COVERAGE}, on the JVM's
 * cores. The portal sends each launch to a backend that implements the kernel and falls back to its reference
 * backend for the others. Add kernels (their contracts are in {@link KernelNames}) and name them in
 * {@link #kernels()}; the conformance suite compares every kernel you name against the reference.
 */
@Extension
public class ${classPrefix}ComputeBackend implements ComputeBackend {

    @Override
    public String id() {
        return "${artifactId}";
    }

    @Override
    public String displayName() {
        return "${classPrefix} backend (JVM, all cores)";
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public List<DeviceInfo> devices() {
        int cores = Runtime.getRuntime().availableProcessors();
        return List.of(new DeviceInfo("JVM, " + cores + " threads", DeviceType.CPU,
                System.getProperty("java.vm.vendor"), cores, Runtime.getRuntime().maxMemory()));
    }

    @Override
    public Set<String> kernels() {
        return Set.of(KernelNames.COMMITMENT_COVERAGE);
    }

    @Override
    public void launch(KernelLaunch launch) throws KernelException {
        if (!KernelNames.COMMITMENT_COVERAGE.equals(launch.kernel())) {
            throw new KernelException("unknown kernel '" + launch.kernel() + "'; known: " + kernels());
        }
        commitmentCoverage(launch);
    }

    /** One item per (term, coverage level); hours summed in order, as the reference does, so results agree. */
    private static void commitmentCoverage(KernelLaunch launch) throws KernelException {
        int hours = launch.intScalar("hours");
        int levels = launch.intScalar("levels");
        if (hours < 1 || levels < 2 || launch.size() % levels != 0) {
            throw new KernelException("commitment-coverage needs hours >= 1, levels >= 2 and size = terms * levels");
        }
        double peakUsage = launch.doubleScalar("peakUsage");
        double onDemandPrice = launch.doubleScalar("onDemandPrice");
        DoubleBuffer usage = launch.buffer("usage", DoubleBuffer.class);
        DoubleBuffer committedPrices = launch.buffer("committedPrices", DoubleBuffer.class);
        DoubleBuffer cost = launch.buffer("cost", DoubleBuffer.class);
        DoubleBuffer unusedUnitHours = launch.buffer("unusedUnitHours", DoubleBuffer.class);
        if (usage.capacity() < hours || cost.capacity() < launch.size() || unusedUnitHours.capacity() < launch.size()
                || committedPrices.capacity() < launch.size() / levels) {
            throw new KernelException("commitment-coverage: a buffer is shorter than the launch needs");
        }
        IntStream.range(0, launch.size()).parallel().forEach(i -> {
            double committed = peakUsage * (i % levels) / (levels - 1);
            double over = 0;
            double unused = 0;
            for (int h = 0; h < hours; h++) {
                double u = usage.get(h);
                over = over + Math.max(u - committed, 0.0);
                unused = unused + Math.max(committed - u, 0.0);
            }
            cost.put(i, committed * committedPrices.get(i / levels) * hours + over * onDemandPrice);
            unusedUnitHours.put(i, unused);
        });
    }
}
