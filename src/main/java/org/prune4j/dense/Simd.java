package org.prune4j.dense;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape every Vector API kernel of prune4j uses (load only after {@link VectorApi#available()}).
 *
 * <p>All kernels share the preferred shape (512-bit on AVX-512, 256-bit on AVX2) and its matching int species for
 * gather indices: mixing 256- and 512-bit gathers in one JVM was measured to make gathers ~30× slower.
 */
public final class Simd {
    /** The float species: the CPU's preferred shape. */
    public static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Int species of the same shape (the same lane count), for gather index vectors. */
    public static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    public static final int LANES = FLOATS.length();

    static {
        if (FLOATS.vectorShape() != VectorShape.preferredShape() || INTS.length() != LANES) {
            throw new IllegalStateException("float and int species disagree: " + FLOATS + " / " + INTS);
        }
    }

    private Simd() {
    }
}
