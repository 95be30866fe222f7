package org.prune4j.sparse;

import org.prune4j.dense.VectorApi;

/**
 * Which instruction set the sparse kernels use. The layouts are the same idea on both (SELL slices for one input,
 * batch-contiguous activations for many); results agree to float rounding.
 */
public enum SparseKernel {
    /**
     * Plain Java: scalar SELL-8 SpMV, one FMA accumulator per row of a slice; SpMM over one array per feature
     * (auto-vectorized). On CPUs with slow gathers (AMD Zen 4) its SpMV is the faster at batch 1: 784 × 300 at 90 %
     * on one core, 7.5 µs against 9.7 gathered.
     */
    JAVA,
    /**
     * Vector API: SELL-C SpMV with gathers (on the Intel Xeon about twice as fast as scalar CSR); SpMM over a
     * chunked, column-blocked layout.
     */
    VECTOR;

    /** @return {@link #VECTOR} when {@link VectorApi#available()}, else {@link #JAVA} */
    public static SparseKernel best() {
        return VectorApi.available() ? VECTOR : JAVA;
    }

    /** @throws UnsupportedOperationException if this kernel cannot run in this JVM */
    void require() {
        if (this == VECTOR) {
            VectorApi.require();
        }
    }

    /** @return the name used in timing tables: "java" or "vector" */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
