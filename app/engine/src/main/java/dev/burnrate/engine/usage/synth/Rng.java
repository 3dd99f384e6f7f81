package dev.burnrate.engine.usage.synth;

/** Counter-based randomness: a value depends only on (seed, a, b), never on call order. */
final class Rng {
    private Rng() {
    }

    /** A uniform double in [0, 1). */
    static double unit(long seed, long a, long b) {
        long x = seed * 0x9E3779B97F4A7C15L ^ a * 0xC2B2AE3D27D4EB4FL ^ b * 0x165667B19E3779F9L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (x >>> 11) * 0x1.0p-53;
    }
}
