package dev.burnrate.engine.kernel;

/**
 * A kernel with its checked arguments, ready to run over any sub-range of its parallel items. Items are
 * independent (each writes only its own outputs), so a backend may run disjoint ranges on different threads.
 */
public interface BoundKernel {

    /** The number of independent parallel items (scenarios, offerings, matrix rows, ...). */
    int items();

    /** Runs items {@code [from, to)}. */
    void run(int from, int to);
}
