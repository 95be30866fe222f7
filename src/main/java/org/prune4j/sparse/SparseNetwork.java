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
 * <pre>{@code
 * var sparse = SparseNetwork.of(pruned);        // fastest kernel this JVM can run
 * INDArray logits = sparse.output(x);           // x: [batch x 784]
 * }</pre>
 */
public final class SparseNetwork {
    private final String name;
    private final List<SparseLayer> layers;
    private final SparseKernel kernel;
    private volatile SellChain sellChain;
    private final PassPool passes = new PassPool(this::pass);

    private SparseNetwork(String name, List<SparseLayer> layers, SparseKernel kernel) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.kernel = kernel;
    }

    /**
     * @param network a (pruned) dense network; its zero weights are dropped
     * @return the sparse network with the fastest kernel available
     */
    public static SparseNetwork of(Network network) {
        return of(network, SparseKernel.best());
    }

    /**
     * @param network a (pruned) dense network
     * @param kernel  the kernel
     * @return the sparse network
     * @throws UnsupportedOperationException if the kernel cannot run in this JVM
     */
    public static SparseNetwork of(Network network, SparseKernel kernel) {
        List<SparseLayer> layers = new ArrayList<>();
        for (DenseLayer l : network.layers()) {
            layers.add(SparseLayer.of(l, kernel));
        }
        return new SparseNetwork(network.name(), layers, kernel);
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
        SellChain chain = null;
        if (batch == 1) {
            chain = sellChain;
            if (chain == null) {
                synchronized (this) {
                    if (sellChain == null) {
                        sellChain = SellChain.of(layers);
                    }
                    chain = sellChain;
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
        }
        return sb.toString();
    }
}
