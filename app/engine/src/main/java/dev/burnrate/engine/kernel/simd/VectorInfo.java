package dev.burnrate.engine.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** What the Vector API maps to on this CPU; a separate class so the backend loads without the incubator module. */
final class VectorInfo {

    private VectorInfo() {
    }

    static String describe() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors (" + FloatVector.SPECIES_PREFERRED.length()
                + " floats, " + DoubleVector.SPECIES_PREFERRED.length() + " doubles)";
    }
}
