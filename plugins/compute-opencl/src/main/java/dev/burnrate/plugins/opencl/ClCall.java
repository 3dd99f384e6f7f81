package dev.burnrate.plugins.opencl;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.jocl.CL.*;

/**
 * One kernel call: arguments set in order, device buffers created for NIO buffers and released on close, outputs
 * read back after the run. On CPU devices direct buffers are used in place ({@code CL_MEM_USE_HOST_PTR}: zero
 * copy); elsewhere they are copied to and from device memory.
 */
final class ClCall implements AutoCloseable {

    private final OpenClDevice device;
    private final cl_kernel kernel;
    private final List<cl_mem> memories = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();
    private int index;

    private record Output(cl_mem memory, Buffer host, long bytes) {
    }

    ClCall(OpenClDevice device, String kernel) {
        this.device = device;
        this.kernel = device.kernel(kernel);
    }

    ClCall in(Buffer buffer, long elements) {
        cl_mem memory = create(buffer, elements, CL_MEM_READ_ONLY);
        return memoryArg(memory);
    }

    ClCall out(Buffer buffer, long elements) {
        cl_mem memory = create(buffer, elements, CL_MEM_WRITE_ONLY);
        outputs.add(new Output(memory, whole(buffer), elements * elementBytes(buffer)));
        return memoryArg(memory);
    }

    ClCall arg(int value) {
        clSetKernelArg(kernel, index++, Sizeof.cl_int, Pointer.to(new int[]{value}));
        return this;
    }

    ClCall arg(long value) {
        clSetKernelArg(kernel, index++, Sizeof.cl_long, Pointer.to(new long[]{value}));
        return this;
    }

    ClCall arg(double value) {
        clSetKernelArg(kernel, index++, Sizeof.cl_double, Pointer.to(new double[]{value}));
        return this;
    }

    /** Runs the kernel over {@code global} work-items (work-groups of {@code local}, or the device's choice). */
    void run(long[] global, long[] local) {
        clEnqueueNDRangeKernel(device.queue(), kernel, global.length, null, global, local, 0, null, null);
        for (Output output : outputs) {
            clEnqueueReadBuffer(device.queue(), output.memory, CL_TRUE, 0, output.bytes,
                    Pointer.toBuffer(output.host), 0, null, null);
        }
    }

    private ClCall memoryArg(cl_mem memory) {
        clSetKernelArg(kernel, index++, Sizeof.cl_mem, Pointer.to(memory));
        return this;
    }

    private cl_mem create(Buffer buffer, long elements, long access) {
        long bytes = Math.max(1, elements * elementBytes(buffer));
        Buffer host = whole(buffer);
        cl_mem memory;
        if (buffer.isDirect() && !device.isGpu()) {
            memory = clCreateBuffer(device.context(), access | CL_MEM_USE_HOST_PTR, bytes, Pointer.toBuffer(host),
                    null);
        } else if (access == CL_MEM_READ_ONLY) {
            memory = clCreateBuffer(device.context(), access | CL_MEM_COPY_HOST_PTR, bytes, Pointer.toBuffer(host),
                    null);
        } else {
            memory = clCreateBuffer(device.context(), access, bytes, null, null);
        }
        memories.add(memory);
        return memory;
    }

    /** The buffer from element 0 (kernels address buffers absolutely, whatever the caller's position). */
    private static Buffer whole(Buffer buffer) {
        Buffer all = buffer.duplicate();
        all.clear();
        return all;
    }

    static int elementBytes(Buffer buffer) {
        return switch (buffer) {
            case DoubleBuffer ignored -> Double.BYTES;
            case LongBuffer ignored -> Long.BYTES;
            case FloatBuffer ignored -> Float.BYTES;
            case IntBuffer ignored -> Integer.BYTES;
            case ByteBuffer ignored -> 1;
            default -> throw new IllegalArgumentException("unsupported buffer type " + buffer.getClass());
        };
    }

    @Override
    public void close() {
        memories.forEach(memory -> clReleaseMemObject(memory));
        memories.clear();
    }
}
