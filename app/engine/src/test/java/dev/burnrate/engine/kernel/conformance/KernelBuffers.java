package dev.burnrate.engine.kernel.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.SplittableRandom;

/** Direct, native-order buffers (what Arrow vectors hand over) for kernel tests and benchmarks. */
public final class KernelBuffers {

    private KernelBuffers() {
    }

    public static DoubleBuffer doubles(int length) {
        return ByteBuffer.allocateDirect(length * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    public static FloatBuffer floats(int length) {
        return ByteBuffer.allocateDirect(length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    public static IntBuffer ints(int length) {
        return ByteBuffer.allocateDirect(length * Integer.BYTES).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    public static DoubleBuffer of(double... values) {
        DoubleBuffer buffer = doubles(values.length);
        buffer.put(0, values);
        return buffer;
    }

    /** Uniform floats in [-1, 1) from a seeded generator. */
    public static FloatBuffer randomFloats(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FloatBuffer buffer = floats(length);
        for (int i = 0; i < length; i++) {
            buffer.put(i, (float) (random.nextDouble() * 2 - 1));
        }
        return buffer;
    }
}
