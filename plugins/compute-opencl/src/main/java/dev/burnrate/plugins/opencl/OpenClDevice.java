package dev.burnrate.plugins.opencl;

import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.DeviceType;
import org.jocl.CL;
import org.jocl.NativePointerObject;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.jocl.CL.*;

/**
 * One OpenCL device with its context, queue and the compiled kernel program. Created once by the backend and
 * closed with it; not thread-safe (the backend serialises launches).
 */
final class OpenClDevice implements AutoCloseable {

    private static final String[] SOURCES = {"common.cl", "spot_training.cl", "capacity.cl", "gemm.cl", "anomaly.cl",
            "smoothing.cl"};
    static final String[] KERNELS = {"spot_training", "spot_training_cpu", "inference_capacity", "commitment_coverage", "sgemm_cpu",
            "sgemm_gpu", "batched_gemv_cpu", "batched_gemv_gpu", "anomaly_score", "exp_smoothing_grid",
            "exp_smoothing_forecast"};

    private final cl_device_id device;
    private final ClReleaser releaser;
    /** Every OpenCL object this device created, in creation order; released in reverse order. */
    private final Deque<NativePointerObject> owned = new ArrayDeque<>();
    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_program program;
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    private final DeviceInfo info;
    private final boolean gpu;
    private final boolean cpu;

    /**
     * Creates the context, queue, program and kernels; when any step fails (a kernel source that does not compile,
     * a missing kernel), everything created before it is released and the failure is rethrown.
     */
    private OpenClDevice(cl_platform_id platform, cl_device_id device, String source, ClReleaser releaser) {
        this.device = device;
        this.releaser = releaser;
        long type = deviceLong(device, CL_DEVICE_TYPE);
        this.gpu = (type & CL_DEVICE_TYPE_GPU) != 0;
        this.cpu = (type & CL_DEVICE_TYPE_CPU) != 0;
        this.info = new DeviceInfo(deviceString(device, CL_DEVICE_NAME) + " (" + platformName(platform) + ")",
                gpu ? DeviceType.GPU : cpu ? DeviceType.CPU : DeviceType.ACCELERATOR,
                deviceString(device, CL_DEVICE_VENDOR), deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS),
                deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE));
        try {
            cl_context_properties properties = new cl_context_properties();
            properties.addProperty(CL_CONTEXT_PLATFORM, platform);
            this.context = own(clCreateContext(properties, 1, new cl_device_id[]{device}, null, null, null));
            this.queue = own(clCreateCommandQueueWithProperties(context, device, null, null));
            this.program = own(clCreateProgramWithSource(context, 1, new String[]{source}, null, null));
            build(program, device);
            for (String name : KERNELS) {
                kernels.put(name, own(clCreateKernel(program, name, null)));
            }
        } catch (RuntimeException | Error e) {
            releaseAll(e);
            throw e;
        }
    }

    private <T extends NativePointerObject> T own(T created) {
        owned.push(created);
        return created;
    }

    /** Opens the preferred device; throws with a reason when there is none. */
    static OpenClDevice open(DevicePreference preference) {
        return open(preference, kernelSource(), ClReleaser.OPENCL);
    }

    /** As {@link #open(DevicePreference)} with another program source and releaser (tests provoke failures). */
    static OpenClDevice open(DevicePreference preference, String source, ClReleaser releaser) {
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        try {
            clGetPlatformIDs(0, null, count);
        } catch (org.jocl.CLException e) {
            count[0] = 0; // the ICD loader reports CL_PLATFORM_NOT_FOUND_KHR when no ICD is installed
        }
        if (count[0] == 0) {
            throw new IllegalStateException("no OpenCL platform found (install an ICD: pocl-opencl-icd for CPUs,"
                    + " the NVIDIA driver for GPUs; OCL_ICD_VENDORS=" + System.getenv("OCL_ICD_VENDORS") + ")");
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        List<Candidate> candidates = new ArrayList<>();
        for (cl_platform_id platform : platforms) {
            int[] devices = new int[1];
            try {
                clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, devices);
            } catch (org.jocl.CLException e) {
                continue; // CL_DEVICE_NOT_FOUND: a platform without devices
            }
            cl_device_id[] ids = new cl_device_id[devices[0]];
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
            for (cl_device_id id : ids) {
                candidates.add(new Candidate(platform, id, deviceLong(id, CL_DEVICE_TYPE)));
            }
        }
        Candidate chosen = choose(candidates, preference);
        if (chosen == null) {
            throw new IllegalStateException("no OpenCL device of type " + preference + " among "
                    + candidates.size() + " device(s) on " + platforms.length + " platform(s)");
        }
        return new OpenClDevice(chosen.platform, chosen.device, source, releaser);
    }

    private record Candidate(cl_platform_id platform, cl_device_id device, long type) {
    }

    private static Candidate choose(List<Candidate> candidates, DevicePreference preference) {
        long[] order = switch (preference) {
            case GPU -> new long[]{CL_DEVICE_TYPE_GPU};
            case CPU -> new long[]{CL_DEVICE_TYPE_CPU};
            case ACCELERATOR -> new long[]{CL_DEVICE_TYPE_ACCELERATOR};
            case ANY -> new long[]{CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_CPU, CL_DEVICE_TYPE_ALL};
        };
        for (long type : order) {
            for (Candidate candidate : candidates) {
                if ((candidate.type & type) != 0) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The plugin's kernels: every source file, in order, as one program. */
    static String kernelSource() {
        StringBuilder source = new StringBuilder();
        for (String name : SOURCES) {
            try (InputStream in = OpenClDevice.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("kernel source " + name + " missing from the plugin");
                }
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read kernel source " + name, e);
            }
        }
        return source.toString();
    }

    private static void build(cl_program program, cl_device_id device) {
        try {
            clBuildProgram(program, 1, new cl_device_id[]{device}, "", null, null);
        } catch (org.jocl.CLException e) {
            throw new IllegalStateException("OpenCL kernels failed to compile: " + buildLog(program, device), e);
        }
    }

    private static String buildLog(cl_program program, cl_device_id device) {
        return infoString((size, value, sizeNeeded) ->
                clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, size, value, sizeNeeded));
    }

    DeviceInfo info() {
        return info;
    }

    boolean isGpu() {
        return gpu;
    }

    boolean supportsDoubles() {
        return deviceLong(device, CL_DEVICE_DOUBLE_FP_CONFIG) != 0;
    }

    cl_context context() {
        return context;
    }

    cl_command_queue queue() {
        return queue;
    }

    cl_kernel kernel(String name) {
        return kernels.get(name);
    }

    private static String platformName(cl_platform_id platform) {
        return infoString((size, value, sizeNeeded) ->
                clGetPlatformInfo(platform, CL_PLATFORM_NAME, size, value, sizeNeeded));
    }

    private static String deviceString(cl_device_id device, int param) {
        return infoString((size, value, sizeNeeded) -> clGetDeviceInfo(device, param, size, value, sizeNeeded));
    }

    /** One of the clGet*Info functions, bound to its object and parameter. */
    @FunctionalInterface
    private interface InfoQuery {
        int get(long size, Pointer value, long[] sizeNeeded);
    }

    /** A string-valued info parameter: asked once for its size, once for its NUL-terminated bytes. */
    private static String infoString(InfoQuery query) {
        long[] size = new long[1];
        query.get(0, null, size);
        byte[] value = new byte[(int) size[0]];
        query.get(value.length, Pointer.to(value), null);
        return new String(value, 0, Math.max(0, value.length - 1), StandardCharsets.UTF_8).trim();
    }

    private static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        clGetDeviceInfo(device, param, Sizeof.cl_long, Pointer.to(value), null);
        return value[0];
    }

    private static int deviceInt(cl_device_id device, int param) {
        int[] value = new int[1];
        clGetDeviceInfo(device, param, Sizeof.cl_int, Pointer.to(value), null);
        return value[0];
    }

    @Override
    public void close() {
        kernels.clear();
        releaseAll(null);
    }

    /** Releases every owned object, newest first; a failing release does not stop the others. */
    private void releaseAll(Throwable cause) {
        RuntimeException failed = null;
        while (!owned.isEmpty()) {
            try {
                releaser.release(owned.pop());
            } catch (RuntimeException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
