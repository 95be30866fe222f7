package org.prune4j.sparse;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.InputCheck;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

/**
 * A whole network kept sparse for inference: activations stay in the kernel's layout from the first layer to the
 * last (slice order for one input, batch-contiguous chunks for many), so the layout is converted only at the edges.
 * Outputs equal the dense pruned network's {@link Network#output(INDArray)} to float rounding (1e-5).
 *
 * <p>One input at a time, a layer that pruning left dense enough that a dense product is faster than its SpMV (on
 * the AMD machine a density from about 1/7 for weights that fit in L2, 1/3 beyond; see {@link #denseAtBatchOne()}) runs as a dense Vector API
 * product inside the chain: one global threshold leaves later layers far denser than the first (the pruned
 * LeNet-300-100 keeps 5 % of fc1 but 26 % of fc2 and 77 % of fc3). {@link #allSparse} keeps every layer sparse, which
 * is what a timing's crossover measures.
 *
 * <pre>{@code
 * var sparse = SparseNetwork.of(pruned);        // fastest kernel this JVM can run
 * INDArray logits = sparse.output(x);           // x: [batch x 784]
 * sparse.denseAtBatchOne()                      // e.g. [fc2, fc3]: run dense one input at a time
 * }</pre>
 */
public final class SparseNetwork {
    private final String name;
    private final List<SparseLayer> layers;
    private final SparseKernel kernel;
    private final boolean allowDense;
    private volatile BatchOneChain batchOneChain;
    private final PassPool passes = new PassPool(this::pass);

    private SparseNetwork(String name, List<SparseLayer> layers, SparseKernel kernel, boolean allowDense) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.kernel = kernel;
        this.allowDense = allowDense;
    }

    /**
     * @param network a (pruned) dense network; its zero weights are dropped
     * @return the sparse network with the fastest kernel available (layers dense enough run dense at batch 1)
     */
    public static SparseNetwork of(Network network) {
        return of(network, SparseKernel.best());
    }

    /**
     * @param network a (pruned) dense network
     * @param kernel  the kernel ({@link SparseKernel#VECTOR}: layers dense enough run dense at batch 1)
     * @return the sparse network
     * @throws UnsupportedOperationException if the kernel cannot run in this JVM
     */
    public static SparseNetwork of(Network network, SparseKernel kernel) {
        return of(network, kernel, true);
    }

    /**
     * Every layer sparse, however dense pruning left it: what a timing's crossover measures (the sparse kernels
     * against the dense ones), where {@link #of} would run the denser layers dense.
     *
     * @param network a (pruned) dense network
     * @param kernel  the kernel
     * @return the sparse network
     * @throws UnsupportedOperationException if the kernel cannot run in this JVM
     */
    public static SparseNetwork allSparse(Network network, SparseKernel kernel) {
        return of(network, kernel, false);
    }

    private static SparseNetwork of(Network network, SparseKernel kernel, boolean allowDense) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        List<SparseLayer> layers = new ArrayList<>();
        for (DenseLayer l : network.layers()) {
            layers.add(SparseLayer.of(l, kernel));
        }
        return new SparseNetwork(network.name(), layers, kernel, allowDense);
    }

    /** @return the name of the network it was made from */
    public String name() {
        return name;
    }

    /** @return the layers */
    public List<SparseLayer> layers() {
        return layers;
    }

    /** @return the kernel */
    public SparseKernel kernel() {
        return kernel;
    }

    /**
     * @return the layers that one input at a time run as a dense product, being dense enough that it beats their
     *         SpMV (empty for {@link #allSparse} and for the plain-Java kernel, whose dense loop is slower at batch 1)
     */
    public List<String> denseAtBatchOne() {
        List<String> names = new ArrayList<>();
        for (SparseLayer l : layers) {
            if (runsDense(l)) {
                names.add(l.name());
            }
        }
        return names;
    }

    private boolean runsDense(SparseLayer layer) {
        return allowDense && BatchOneChain.runsDense(layer);
    }

    /** @return inputs of the first layer */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** @return outputs of the last layer */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** The widest row of the pass's buffers: the input or any layer's outputs. */
    private long widest() {
        long w = inputs();
        for (SparseLayer l : layers) {
            w = Math.max(w, l.outputs());
        }
        return w;
    }

    /** @return stored non-zero weights */
    public long nonZeros() {
        return layers.stream().mapToLong(l -> l.csr().nonZeros()).sum();
    }

    /**
     * @param x {@code [batch × inputs]} features
     * @return {@code [batch × outputs]} logits
     * @throws IllegalArgumentException on a shape mismatch, an empty batch or a non-finite input
     */
    public INDArray output(INDArray x) {
        if (x == null || x.rank() != 2 || x.size(1) != inputs()) {
            throw new IllegalArgumentException("input must be [batch x " + inputs() + "], got "
                    + (x == null ? "null" : java.util.Arrays.toString(x.shape())));
        }
        int batch = (int) x.size(0);
        float[] y = output(x.castTo(DataType.FLOAT).dup('c').data().asFloat(), batch);
        return Nd4j.create(y, new long[] {batch, outputs()}, DataType.FLOAT);
    }

    /**
     * @param x     {@code [batch × inputs]} row-major
     * @param batch rows, at least 1
     * @return {@code [batch × outputs]} logits, row-major
     */
    public float[] output(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        InputCheck.fits(batch, widest());
        float[] y = new float[batch * outputs()];
        passes.run(x, batch, y);
        return y;
    }

    /**
     * The timed forward pass with its buffers allocated once: conversion into the layout at the input, every layer,
     * conversion back at the output.
     *
     * @param x     {@code [batch × inputs]}, checked once
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
     * @param x     {@code [batch × inputs]}, checked once
     * @param batch rows
     * @param y     {@code [batch × outputs]}, the logits after each call
     * @return the timed pass
     */
    public Runnable bind(float[] x, int batch, float[] y) {
        InputCheck.product(x, batch, inputs(), y, outputs());
        InputCheck.fits(batch, widest());
        Pass pass = pass(batch);
        return () -> pass.run(x, y);
    }

    private Pass pass(int batch) {
        BatchOneChain chain = null;
        if (batch == 1) {
            chain = batchOneChain;
            if (chain == null) {
                synchronized (this) {
                    if (batchOneChain == null) {
                        batchOneChain = BatchOneChain.of(layers, allowDense);
                    }
                    chain = batchOneChain;
                }
            }
        }
        return new Pass(layers, chain, true, batch);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (sparse, ").append(kernel.label()).append(" kernel, ")
                .append(nonZeros()).append(" non-zeros)");
        for (SparseLayer l : layers) {
            sb.append("\n  ").append(l);
            if (runsDense(l)) {
                sb.append("; dense product one input at a time");
            }
        }
        return sb.toString();
    }
}
