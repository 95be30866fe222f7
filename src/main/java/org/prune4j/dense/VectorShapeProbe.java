package org.prune4j.dense;

/** Reads the vector width without letting {@link VectorApi} link against the incubator module itself. */
final class VectorShapeProbe {
    private VectorShapeProbe() {
    }

    static int bits() {
        return Simd.FLOATS.vectorBitSize();
    }
}
