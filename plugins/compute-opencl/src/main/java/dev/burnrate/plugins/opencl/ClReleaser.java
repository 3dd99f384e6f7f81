package dev.burnrate.plugins.opencl;

import org.jocl.CL;
import org.jocl.NativePointerObject;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * Releases one OpenCL object. {@link #OPENCL} is the real one; tests wrap it to see what a device released.
 */
@FunctionalInterface
interface ClReleaser {

    ClReleaser OPENCL = handle -> {
        switch (handle) {
            case cl_kernel kernel -> CL.clReleaseKernel(kernel);
            case cl_program program -> CL.clReleaseProgram(program);
            case cl_command_queue queue -> CL.clReleaseCommandQueue(queue);
            case cl_context context -> CL.clReleaseContext(context);
            default -> throw new IllegalArgumentException("cannot release " + handle.getClass().getSimpleName());
        }
    };

    void release(NativePointerObject handle);
}
