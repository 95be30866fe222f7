package org.prune4j.sparse;

import java.util.List;
import java.util.Objects;

import org.prune4j.dense.InputCheck;
import org.prune4j.nn.Activation;
import org.prune4j.nn.DenseLayer;

/**
 * One layer kept sparse: its transposed weights as {@link CsrMatrix} {@code [out × in]}, bias and activation, and
 * the kernel-specific forms built from them on first use (SELL-C for one input, column-blocked CSR per chunk
 * width for the Vector API kernel's batches).
 *
 * <pre>{@code
 * SparseLayer s = SparseLayer.of(pruned.layer(0));   // Vector API kernels if present
 * float[] z = s.multiply(x, 32);                     // x · W, 32 rows in and out, row-major
 * float[] a = s.forward(x, 32);                      // relu(x · W + b)
 * }</pre>
 */
public final class SparseLayer {
    /** Activations per column block target 32 KB, to stay in L1 while every row reads them. */
    private static final int BLOCK_BYTES = 32 * 1024;
    /** A block is only worth its accumulator load and store if a row has this many non-zeros in it. */
    private static final int MIN_ROW_NONZEROS_PER_BLOCK = 12;

    private final String name;
    private final CsrMatrix csr;
    private final float[] bias;
    private final Activation activation;
    private final SparseKernel kernel;
    private volatile SellMatrix sell;
    private final BlockedCsr[] blocked = new BlockedCsr[4];
    private int forcedBlockColumns;
    private final PassPool products = new PassPool(b -> new Pass(List.of(this), null, false, b));
    private final PassPool forwards = new PassPool(b -> new Pass(List.of(this), null, true, b));

    SparseLayer(String name, CsrMatrix csr, float[] bias, Activation activation, SparseKernel kernel) {
        kernel.require();
        this.name = name;
        this.csr = csr;
        this.bias = bias;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.kernel = kernel;
        if (bias.length != csr.rows) {
            throw new IllegalArgumentException(name + ": bias has " + bias.length + " entries for " + csr.rows + " outputs");
        }
    }

    /**
     * @param layer a dense (pruned) layer; its zeros are dropped
     * @return the sparse layer with the fastest kernel available
     */
    public static SparseLayer of(DenseLayer layer) {
        return of(layer, SparseKernel.best());
    }

    /**
     * @param layer  a dense (pruned) layer
     * @param kernel the kernel to use
     * @return the sparse layer
     * @throws UnsupportedOperationException if the kernel cannot run in this JVM
     */
    public static SparseLayer of(DenseLayer layer, SparseKernel kernel) {
        return new SparseLayer(layer.name(), CsrMatrix.ofLayer(layer), layer.biasArray(), layer.activation(), kernel);
    }

    /**
     * A bare weight matrix: no bias, identity activation.
     *
     * @param w      {@code [in × out]} row-major weights
     * @param in     inputs
     * @param out    outputs
     * @param kernel the kernel
     * @return the sparse layer
     */
    public static SparseLayer ofWeights(float[] w, int in, int out, SparseKernel kernel) {
        return new SparseLayer("W", CsrMatrix.ofWeights(w, in, out), new float[out], Activation.IDENTITY, kernel);
    }

    /** @return the layer name */
    public String name() {
        return name;
    }

    /** @return number of inputs */
    public int inputs() {
        return csr.cols;
    }

    /** @return number of outputs */
    public int outputs() {
        return csr.rows;
    }

    /** @return the transposed weights in CSR form */
    public CsrMatrix csr() {
        return csr;
    }

    /** @return a copy of the bias */
    public float[] bias() {
        return bias.clone();
    }

    float[] biasLive() {
        return bias;
    }

    /** @return the activation */
    public Activation activation() {
        return activation;
    }

    /** @return the kernel */
    public SparseKernel kernel() {
        return kernel;
    }

    /**
     * @param x     {@code [batch × in]} row-major
     * @param batch rows, at least 1
     * @return {@code x · W}, {@code [batch × out]} (no bias, no activation)
     * @throws IllegalArgumentException on a shape mismatch, an empty batch or a non-finite input
     */
    public float[] multiply(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs()); // before allocating: batch and size are checked
        float[] y = new float[batch * outputs()];
        products.run(x, batch, y);
        return y;
    }

    /**
     * @param x     {@code [batch × in]} row-major
     * @param batch rows, at least 1
     * @param y     {@code [batch × out]}, overwritten with {@code x · W}
     */
    public void multiply(float[] x, int batch, float[] y) {
        InputCheck.product(x, batch, inputs(), y, outputs());
        products.run(x, batch, y);
    }

    /**
     * @param x     {@code [batch × in]} row-major
     * @param batch rows, at least 1
     * @return {@code act(x · W + b)}, {@code [batch × out]}
     */
    public float[] forward(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        float[] y = new float[batch * outputs()];
        forwards.run(x, batch, y);
        return y;
    }

    /**
     * The timed product {@code x · W} with its buffers allocated once, layout conversion included.
     *
     * @param x     {@code [batch × in]}, checked once
     * @param batch rows
     * @return the call
     */
    public Runnable bind(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        return bind(x, batch, new float[batch * outputs()]);
    }

    /**
     * {@link #bind(float[], int)} into a buffer the caller can read after each call.
     *
     * @param x     {@code [batch × in]}, checked once
     * @param batch rows
     * @param y     {@code [batch × out]}, the product after each call
     * @return the call
     */
    public Runnable bind(float[] x, int batch, float[] y) {
        InputCheck.product(x, batch, inputs(), y, outputs());
        Pass pass = new Pass(List.of(this), null, false, batch);
        return () -> pass.run(x, y);
    }

    /** The forward pass with its buffers allocated once (for the JIT warm-up). */
    Runnable bindForward(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        float[] y = new float[batch * outputs()];
        Pass pass = new Pass(List.of(this), null, true, batch);
        return () -> pass.run(x, y);
    }

    /**
     * @return the SELL-C form (C = the vector length where the SpMV gathers, else {@link JavaSparseOps#SLICE}), built
     * on first use
     */
    SellMatrix sell() {
        SellMatrix s = sell;
        if (s == null) {
            synchronized (this) {
                if (sell == null) {
                    sell = SellMatrix.of(csr, sliceHeight(kernel));
                }
                s = sell;
            }
        }
        return s;
    }

    /** @return the rows per SELL slice of a kernel's SpMV */
    static int sliceHeight(SparseKernel kernel) {
        return kernel.gathers() ? Lanes.get() : JavaSparseOps.SLICE;
    }

    /**
     * @param width chunk width (L, 2L, 4L or 8L floats)
     * @return the column-blocked CSR for that width, built on first use
     */
    BlockedCsr blocked(int width) {
        int slot = Integer.numberOfTrailingZeros(width / Lanes.get());
        synchronized (blocked) {
            if (blocked[slot] == null) {
                blocked[slot] = new BlockedCsr(csr, blockColumns(width));
            }
            return blocked[slot];
        }
    }

    /** For the JIT warm-up: cut inputs into blocks of this many columns, so that tiny products take every path. */
    void forceBlockColumns(int columns) {
        synchronized (blocked) {
            forcedBlockColumns = columns;
            java.util.Arrays.fill(blocked, null);
        }
    }

    private int blockColumns(int width) {
        if (forcedBlockColumns > 0) {
            return forcedBlockColumns;
        }
        int in = csr.cols;
        int byCache = Math.max(16, BLOCK_BYTES / (width * Float.BYTES));
        int blocks = (in + byCache - 1) / byCache;
        double perRow = (double) csr.nonZeros() / csr.rows;
        int worthIt = (int) Math.max(1, perRow / MIN_ROW_NONZEROS_PER_BLOCK);
        blocks = Math.max(1, Math.min(blocks, worthIt));
        return (in + blocks - 1) / blocks;
    }

    @Override
    public String toString() {
        return name + ": sparse " + inputs() + " x " + outputs() + " " + activation + ", " + csr.nonZeros()
                + " non-zeros (" + String.format("%.1f", 100 * csr.density()) + " %), " + kernel.label() + " kernel";
    }
}
