package org.prune4j.dense;

import java.util.ArrayList;
import java.util.List;

/**
 * A dense product {@code y = x · W} for one fixed weight matrix {@code W [in × out]}, with {@code x [batch × in]}
 * and {@code y [batch × out]} row-major float32.
 *
 * <pre>{@code
 * DenseKernel k = DenseKernel.fastest(layer.weightArray(), 784, 300);   // Vector API if present, else plain Java
 * float[] y = k.multiply(x, 32);                                        // x: 32 rows of 784
 * }</pre>
 */
public interface DenseKernel {

    /** @return a short name for tables: "nd4j", "java" or "vector" */
    String name();

    /** @return rows of W */
    int inputs();

    /** @return columns of W */
    int outputs();

    /**
     * The product without argument checks: the timed path.
     *
     * @param x     {@code [batch × inputs]}
     * @param batch number of rows
     * @param y     {@code [batch × outputs]}, overwritten
     */
    void compute(float[] x, int batch, float[] y);

    /**
     * @param x     {@code [batch × inputs]} row-major
     * @param batch number of rows, at least 1
     * @param y     {@code [batch × outputs]} row-major, overwritten
     * @throws IllegalArgumentException on a shape mismatch, an empty batch or a non-finite input
     */
    default void multiply(float[] x, int batch, float[] y) {
        InputCheck.product(x, batch, inputs(), y, outputs());
        compute(x, batch, y);
    }

    /**
     * @param x     {@code [batch × inputs]} row-major
     * @param batch number of rows, at least 1
     * @return {@code [batch × outputs]} row-major
     */
    default float[] multiply(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        float[] y = new float[batch * outputs()];
        compute(x, batch, y);
        return y;
    }

    /**
     * Prepares repeated products on one input, allocating everything once, for timing. The ND4J kernel holds the
     * input as an off-heap array here, as an ND4J user would.
     *
     * @param x     {@code [batch × inputs]}, checked once
     * @param batch number of rows
     * @return a call that computes the product into a buffer of its own
     */
    default Runnable bind(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        return bind(x, batch, new float[batch * outputs()]);
    }

    /**
     * {@link #bind(float[], int)} into a buffer the caller can read after each call, to check that what is timed
     * computes the product. ND4J's kernel computes into its off-heap array and copies into {@code y} here, which its
     * timed call does not.
     *
     * @param x     {@code [batch × inputs]}, checked once
     * @param batch number of rows
     * @param y     {@code [batch × outputs]}, written by each call
     * @return a call that computes the product into {@code y}
     */
    default Runnable bind(float[] x, int batch, float[] y) {
        InputCheck.product(x, batch, inputs(), y, outputs());
        return () -> compute(x, batch, y);
    }

    /**
     * {@code y = act(x · W + bias)}: the product, then bias and ReLU in place (vectorized where the Vector API is).
     *
     * @param x     {@code [batch × in]} row-major
     * @param batch rows
     * @param y     {@code [batch × out]}, overwritten
     * @param bias  {@code out} values
     * @param relu  whether to apply ReLU
     */
    default void forward(float[] x, int batch, float[] y, float[] bias, boolean relu) {
        compute(x, batch, y);
        DenseNetwork.addBias(y, batch, bias, relu);
    }

    /**
     * @param w   {@code [in × out]} row-major weights (copied)
     * @param in  rows
     * @param out columns
     * @return ND4J's {@code gemm} (OpenBLAS, its own threads)
     */
    static DenseKernel nd4j(float[] w, int in, int out) {
        return new Nd4jGemm(w, in, out);
    }

    /**
     * @param w   {@code [in × out]} row-major weights (copied)
     * @param in  rows
     * @param out columns
     * @return a plain-Java loop (auto-vectorized by HotSpot), on all cores for big products
     */
    static DenseKernel plainJava(float[] w, int in, int out) {
        return new JavaGemm(w, in, out);
    }

    /**
     * @param w   {@code [in × out]} row-major weights (copied into packed panels)
     * @param in  rows
     * @param out columns
     * @return the Vector API GEMM, on all cores for big products (for a few outputs, one that vectorizes over the
     *         inputs instead of the outputs)
     * @throws UnsupportedOperationException if {@link VectorApi#available()} is false
     */
    static DenseKernel vector(float[] w, int in, int out) {
        VectorApi.require();
        return NarrowGemm.fits(in, out) ? NarrowGemm.create(w, in, out) : VectorGemm.create(w, in, out);
    }

    /**
     * @param w   {@code [in × out]} row-major weights (copied)
     * @param in  rows
     * @param out columns
     * @return the Vector API GEMM where available, else the plain-Java loop
     */
    static DenseKernel fastest(float[] w, int in, int out) {
        return VectorApi.available() ? vector(w, in, out) : plainJava(w, in, out);
    }

    /**
     * @param w   {@code [in × out]} row-major weights (copied)
     * @param in  rows
     * @param out columns
     * @return every kernel this JVM can run: ND4J, plain Java and (if available) the Vector API
     */
    static List<DenseKernel> all(float[] w, int in, int out) {
        List<DenseKernel> kernels = new ArrayList<>();
        kernels.add(nd4j(w, in, out));
        kernels.add(plainJava(w, in, out));
        if (VectorApi.available()) {
            kernels.add(vector(w, in, out));
        }
        return kernels;
    }

    /**
     * @param w   weights
     * @param in  rows
     * @param out columns
     * @throws IllegalArgumentException if the sizes are not positive, do not match, or a weight is not finite
     */
    static void checkWeights(float[] w, int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("weights must be at least 1 x 1, got " + in + " x " + out);
        }
        if (w == null || (long) in * out != w.length) {
            throw new IllegalArgumentException("weights hold " + (w == null ? 0 : w.length) + " values, expected "
                    + in + " x " + out);
        }
        for (float v : w) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("weights hold " + v + "; weights must be finite");
            }
        }
    }
}
