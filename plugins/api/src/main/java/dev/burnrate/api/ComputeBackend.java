package dev.burnrate.api;

import java.util.List;
import java.util.Set;

/**
 * Runs Burnrate's data-parallel kernels on some device (the JVM's cores, an OpenCL device, a GPU). Every backend
 * must agree with the reference backend within each kernel's stated tolerance; the conformance suite checks it.
 */
public interface ComputeBackend extends BurnrateExtension, AutoCloseable {

    /** Whether the backend can run here; when not, the reason (e.g. "no OpenCL platform found"). */
    Availability availability();

    /** The devices it would run on. */
    List<DeviceInfo> devices();

    /** The names of the kernels it implements (see {@link KernelNames}). */
    Set<String> kernels();

    /**
     * Runs one kernel to completion. Buffers are read and written in place; direct buffers are passed without
     * copying where the device allows it.
     *
     * @throws KernelException when the kernel is unknown, an argument is missing or malformed, or the device fails
     */
    void launch(KernelLaunch launch) throws KernelException;

    /** Releases device resources (contexts, queues, compiled programs). */
    @Override
    default void close() {
    }
}
