package dev.burnrate.api;

/**
 * The names of the kernels backends implement. Each constant documents the kernel's buffers, scalars and result;
 * the reference backend in the engine is the definition of the result.
 */
public final class KernelNames {

    private KernelNames() {
    }
}
