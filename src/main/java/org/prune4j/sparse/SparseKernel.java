package org.prune4j.sparse;

import org.prune4j.dense.VectorApi;

/**
 * Which instruction set the sparse kernels use. The layouts are the same idea on both (SELL slices for one input,
 * batch-contiguous activations for many); results agree to float rounding.
 */
public enum SparseKernel {
    /**
     * Plain Java: scalar SELL-8 SpMV, one FMA accumulator per row of a slice; SpMM over one array per feature
     * (auto-vectorized).
     */
    JAVA,
    /**
     * Vector API: SELL-C SpMV with gathers where gathers pay (on the Intel Xeon about twice as fast as scalar CSR),
     * else (AMD CPUs, whose gathers are slow: Zen 4, 784 × 300 at 90 % on one core, 9.8 µs gathered against 7.4)
     * the scalar SELL-8 SpMV, with bit-identical results either way (see {@code Gathers}); SpMM over a chunked,
     * column-blocked layout.
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

    /**
     * @return whether this kernel's batch-1 product gathers with the Vector API in this JVM (else it is the scalar
     * SELL-8 one, which {@link #JAVA} always runs)
     */
    public boolean gathers() {
        return this == VECTOR && Gathers.FAST;
    }

    /**
     * @return how this kernel multiplies one input in this JVM: "SELL-16 gathers" (the vector length) or "scalar
     * SELL-8"
     */
    public String spmv() {
        return gathers() ? "SELL-" + Lanes.get() + " gathers" : "scalar SELL-" + JavaSparseOps.SLICE;
    }

    /** @return the name used in timing tables: "java" or "vector" */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
