package dev.burnrate.engine.kernel;

/**
 * Counter-based random numbers: draw {@code d} of scenario {@code s} under a seed is a pure function of
 * {@code (seed, s, d)}, so a scenario's result does not depend on which thread, chunk or device ran it.
 *
 * <p>Each scenario gets a SplitMix64 stream whose start state is a hash of the seed and the scenario index; draw
 * {@code d} is that stream's output {@code d + 1}. The OpenCL kernels spell out the same arithmetic (see
 * {@code dev.burnrate.api.KernelNames}).
 */
public final class CounterRng {

    /** SplitMix64's increment (the golden ratio in 64 bits). */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** 2^-53: turns the top 53 bits of a draw into a double in [0, 1). */
    public static final double UNIT = 0x1.0p-53;

    private CounterRng() {
    }

    /** SplitMix64's finaliser (Stafford's variant 13): a bijection on 64-bit values with good avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The start state of scenario {@code scenario}'s stream. */
    public static long streamKey(long seed, long scenario) {
        return mix64(seed ^ mix64(scenario));
    }

    /** The 64 random bits of draw {@code draw} (0, 1, 2, ...) of the stream starting at {@code key}. */
    public static long bits(long key, long draw) {
        return mix64(key + (draw + 1) * GOLDEN_GAMMA);
    }

    /** A draw as a double uniform on [0, 1); exact (53 bits fit a double's mantissa). */
    public static double unit(long bits) {
        return (bits >>> 11) * UNIT;
    }
}
