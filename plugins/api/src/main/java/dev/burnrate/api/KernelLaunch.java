package dev.burnrate.api;

import java.nio.Buffer;
import java.util.Map;
import java.util.Objects;

/**
 * One kernel call: its name, the size of its parallel range, its array arguments as NIO buffers (direct buffers
 * sliced from Arrow vectors pass with zero copies) and its scalar arguments. Argument names and meanings are
 * defined per kernel in {@link KernelNames}.
 */
public record KernelLaunch(String kernel, int size, Map<String, Buffer> buffers, Map<String, Number> scalars) {

    public KernelLaunch {
        Objects.requireNonNull(kernel, "kernel");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        buffers = Map.copyOf(buffers);
        scalars = Map.copyOf(scalars);
    }

    public <B extends Buffer> B buffer(String name, Class<B> type) throws KernelException {
        Buffer buffer = buffers.get(name);
        if (buffer == null) {
            throw new KernelException(kernel + ": missing buffer argument '" + name + "'");
        }
        if (!type.isInstance(buffer)) {
            throw new KernelException(kernel + ": buffer '" + name + "' must be a " + type.getSimpleName()
                    + " but is a " + buffer.getClass().getSimpleName());
        }
        return type.cast(buffer);
    }

    public Number scalar(String name) throws KernelException {
        Number value = scalars.get(name);
        if (value == null) {
            throw new KernelException(kernel + ": missing scalar argument '" + name + "'");
        }
        return value;
    }

    /** A {@code double} scalar. */
    public double doubleScalar(String name) throws KernelException {
        return scalar(name).doubleValue();
    }

    /** A {@code long} scalar; rejects a value with a fractional part. */
    public long longScalar(String name) throws KernelException {
        Number value = scalar(name);
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) > 0x1p53) {
                throw new KernelException(kernel + ": scalar '" + name + "' must be an integer but is " + value);
            }
        }
        return value.longValue();
    }

    /** An {@code int} scalar; rejects a fractional value or one outside the {@code int} range. */
    public int intScalar(String name) throws KernelException {
        long value = longScalar(name);
        if (value != (int) value) {
            throw new KernelException(kernel + ": scalar '" + name + "' is out of the int range: " + value);
        }
        return (int) value;
    }
}
