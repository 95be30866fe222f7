package org.prune4j.sparse;

import org.prune4j.dense.VectorApi;

/** The vector length the layouts are cut to, read without loading the Vector API when it is absent. */
final class Lanes {
    private Lanes() {
    }

    /** @return floats per vector for the vector kernels (16 on AVX-512); 16 when the Vector API is absent */
    static int get() {
        return VectorApi.available() ? VectorSparseOps.L : 16;
    }
}
