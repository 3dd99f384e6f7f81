package dev.burnrate.plugins.opencl;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.nio.Buffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.function.DoublePredicate;

/**
 * Checks a launch's buffers and scalars before anything reaches the device, with messages naming the argument.
 * (The engine has the same checks for its backends; a plugin depends on the API only, so they are repeated here.)
 */
final class Args {

    private final KernelLaunch launch;

    Args(KernelLaunch launch) {
        this.launch = launch;
    }

    <B extends Buffer> B in(String name, Class<B> type, long elements) throws KernelException {
        B buffer = launch.buffer(name, type);
        require(buffer.capacity() >= elements,
                "buffer '" + name + "' holds " + buffer.capacity() + " elements but needs " + elements);
        require(order(buffer) == ByteOrder.nativeOrder(), "buffer '" + name + "' must be in native byte order");
        return buffer;
    }

    <B extends Buffer> B out(String name, Class<B> type, long elements) throws KernelException {
        B buffer = in(name, type, elements);
        require(!buffer.isReadOnly(), "output buffer '" + name + "' is read-only");
        return buffer;
    }

    /**
     * An input buffer whose first {@code elements} values must each be finite and pass {@code valid};
     * {@code rule} says that check in words for the message, which names the element.
     */
    DoubleBuffer finiteIn(String name, int elements, DoublePredicate valid, String rule) throws KernelException {
        DoubleBuffer buffer = in(name, DoubleBuffer.class, elements);
        for (int i = 0; i < elements; i++) {
            double value = buffer.get(i);
            require(Double.isFinite(value) && valid.test(value),
                    name + "[" + i + "] must be a finite number " + rule + " but is " + value);
        }
        return buffer;
    }

    int atLeast(String name, int min) throws KernelException {
        int value = launch.intScalar(name);
        require(value >= min, "scalar '" + name + "' must be >= " + min + " but is " + value);
        return value;
    }

    double atLeast(String name, double min) throws KernelException {
        double value = launch.doubleScalar(name);
        require(Double.isFinite(value) && value >= min,
                "scalar '" + name + "' must be a finite number >= " + min + " but is " + value);
        return value;
    }

    double between(String name, double min, double max) throws KernelException {
        double value = launch.doubleScalar(name);
        require(value >= min && value <= max,
                "scalar '" + name + "' must be in [" + min + ", " + max + "] but is " + value);
        return value;
    }

    void require(boolean condition, String message) throws KernelException {
        if (!condition) {
            throw new KernelException(launch.kernel() + ": " + message);
        }
    }

    private static ByteOrder order(Buffer buffer) {
        return switch (buffer) {
            case DoubleBuffer b -> b.order();
            case FloatBuffer b -> b.order();
            case IntBuffer b -> b.order();
            case LongBuffer b -> b.order();
            default -> ByteOrder.nativeOrder();
        };
    }
}
