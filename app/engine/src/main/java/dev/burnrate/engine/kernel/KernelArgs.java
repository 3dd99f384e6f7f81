package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.nio.Buffer;

/** Reads and checks a launch's arguments, so a malformed launch fails with a message naming the argument. */
public final class KernelArgs {

    private KernelArgs() {
    }

    /** An input buffer of the given type holding at least {@code length} elements. */
    public static <B extends Buffer> B input(KernelLaunch launch, String name, Class<B> type, long length)
            throws KernelException {
        B buffer = launch.buffer(name, type);
        if (buffer.capacity() < length) {
            throw new KernelException(launch.kernel() + ": buffer '" + name + "' holds " + buffer.capacity()
                    + " elements but needs " + length);
        }
        return buffer;
    }

    /** A writable output buffer of the given type holding at least {@code length} elements. */
    public static <B extends Buffer> B output(KernelLaunch launch, String name, Class<B> type, long length)
            throws KernelException {
        B buffer = input(launch, name, type, length);
        if (buffer.isReadOnly()) {
            throw new KernelException(launch.kernel() + ": output buffer '" + name + "' is read-only");
        }
        return buffer;
    }

    public static void require(boolean condition, KernelLaunch launch, String message) throws KernelException {
        if (!condition) {
            throw new KernelException(launch.kernel() + ": " + message);
        }
    }

    /** A double scalar that must be finite and at least {@code min}. */
    public static double atLeast(KernelLaunch launch, String name, double min) throws KernelException {
        double value = launch.doubleScalar(name);
        require(Double.isFinite(value) && value >= min, launch,
                "scalar '" + name + "' must be a finite number >= " + min + " but is " + value);
        return value;
    }

    /** A double scalar that must be in {@code [min, max]}. */
    public static double between(KernelLaunch launch, String name, double min, double max) throws KernelException {
        double value = launch.doubleScalar(name);
        require(value >= min && value <= max, launch,
                "scalar '" + name + "' must be in [" + min + ", " + max + "] but is " + value);
        return value;
    }

    /** An int scalar that must be at least {@code min}. */
    public static int intAtLeast(KernelLaunch launch, String name, int min) throws KernelException {
        int value = launch.intScalar(name);
        require(value >= min, launch, "scalar '" + name + "' must be >= " + min + " but is " + value);
        return value;
    }

    /** The launch size must equal {@code expected}, e.g. M * N for a matrix product. */
    public static void requireSize(KernelLaunch launch, long expected, String what) throws KernelException {
        require(launch.size() == expected, launch,
                "size must be " + what + " = " + expected + " but is " + launch.size());
    }
}
