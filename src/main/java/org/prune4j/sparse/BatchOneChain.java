package org.prune4j.sparse;

import java.util.List;

import org.prune4j.dense.DenseKernel;
import org.prune4j.dense.VectorApi;

/**
 * A chain of layers for one input at a time: each layer as SELL-C, or, where the layer is dense enough that a
 * dense product beats its SpMV ({@link #runsDense}), as a dense Vector API kernel. A SELL product writes its outputs
 * in slice order; instead of mapping them back after every layer, the next layer's inputs (and this layer's bias)
 * are renumbered to that order once, here, so only the network's final output is mapped back. A dense step writes
 * its outputs in their own order.
 */
final class BatchOneChain {
    /**
     * How much faster, per weight, a dense product is than a SpMV per stored non-zero, for weights that fit in the
     * two cores' L2: a layer runs dense when its density is at least the inverse. Measured on the AMD machine, one
     * core each, 300 x 100 of the pruned LeNet (25.5 % kept): 30,000 weights in 1.35-1.45 µs with the Vector API
     * GEMM (21 G/s), 7,661 non-zeros in 2.7 µs with the scalar SELL-8 SpMV (2.8 G/s); the layer benchmarks' batch-1
     * crossovers for 784 x 300 and 300 x 100 fall between 80 and 90 % sparsity (sittings A15-A17).
     */
    static final double DENSE_SPEEDUP_CACHED = 7;
    /**
     * The same for weights beyond both cores' L2, where the dense product streams its weights from L3 or memory:
     * 4096 x 4096 at batch 1 crossed at 70 % sparsity (dense faster at 60 %) in sittings A15-A17.
     */
    static final double DENSE_SPEEDUP_STREAMED = 3;
    /** Dense weights up to this many bytes count as cached: two cores' L2 of 1 MB each. */
    static final long CACHED_BYTES = 2L << 20;

    /** Per layer: its SELL form (null where the layer runs dense). */
    final SellMatrix[] sells;
    /** Per layer: its dense kernel over the previous layer's output order (null where it runs sparse). */
    final DenseKernel[] denseSteps;
    /** Bias of each layer in its output order (slice order padded to whole slices, or the natural order). */
    final float[][] bias;

    private BatchOneChain(SellMatrix[] sells, DenseKernel[] denseSteps, float[][] bias) {
        this.sells = sells;
        this.denseSteps = denseSteps;
        this.bias = bias;
    }

    static BatchOneChain single(SparseLayer layer) {
        SellMatrix s = layer.sell();
        return new BatchOneChain(new SellMatrix[] {s}, new DenseKernel[1], new float[][] {ordered(s, layer.biasLive())});
    }

    /**
     * @param layers     the chain
     * @param allowDense whether a layer dense enough may run as a dense product (else every layer is SELL)
     */
    static BatchOneChain of(List<SparseLayer> layers, boolean allowDense) {
        int n = layers.size();
        SellMatrix[] sells = new SellMatrix[n];
        DenseKernel[] dense = new DenseKernel[n];
        float[][] bias = new float[n][];
        int height = SparseLayer.sliceHeight(layers.get(0).kernel());
        int[] previousOrder = null; // null: the natural order
        int positions = layers.get(0).inputs(); // length of this layer's input buffer
        for (int i = 0; i < n; i++) {
            SparseLayer layer = layers.get(i);
            CsrMatrix m = layer.csr();
            if (previousOrder != null) {
                int[] newIndex = new int[m.cols];
                for (int pos = 0; pos < previousOrder.length; pos++) {
                    if (previousOrder[pos] >= 0) {
                        newIndex[previousOrder[pos]] = pos;
                    }
                }
                m = m.renumberColumns(newIndex);
            }
            if (allowDense && runsDense(layer)) {
                dense[i] = DenseKernel.vector(denseWeights(m, positions), positions, m.rows);
                bias[i] = layer.biasLive();
                previousOrder = null;
                positions = m.rows;
            } else {
                sells[i] = previousOrder == null && positions == m.cols ? layer.sell() : SellMatrix.of(m, height);
                bias[i] = ordered(sells[i], layer.biasLive());
                previousOrder = sells[i].order;
                positions = sells[i].paddedRows();
            }
        }
        return new BatchOneChain(sells, dense, bias);
    }

    /**
     * @return whether one input at a time, this layer is faster as a dense product of its (mostly non-zero) weights
     *         than as a SpMV: only with the Vector API (the plain-Java dense loop at batch 1 ran 300 x 100 in 4.5
     *         µs, slower than the SpMV even at 25 % kept), and only at a density of at least
     *         1 / {@link #DENSE_SPEEDUP_CACHED} (1 / {@link #DENSE_SPEEDUP_STREAMED} for weights beyond L2). Where the
     *         SpMV gathers (CPUs with fast gathers, such as the Intel Xeon, where it ran about twice as fast as scalar
     *         CSR) both are halved: an estimate from that factor, not a measurement of this choice there.
     */
    static boolean runsDense(SparseLayer layer) {
        if (layer.kernel() != SparseKernel.VECTOR || !VectorApi.available()) {
            return false;
        }
        long weights = (long) layer.inputs() * layer.outputs();
        double speedup = weights * Float.BYTES <= CACHED_BYTES ? DENSE_SPEEDUP_CACHED : DENSE_SPEEDUP_STREAMED;
        if (layer.kernel().gathers()) {
            speedup /= 2;
        }
        return weights <= speedup * layer.csr().nonZeros();
    }

    /** {@code [positions × rows]} row-major: input position {@code p} (a column of {@code m}) is row {@code p}. */
    private static float[] denseWeights(CsrMatrix m, int positions) {
        float[] w = new float[Math.multiplyExact(positions, m.rows)];
        for (int r = 0; r < m.rows; r++) {
            for (int p = m.rowPtr[r]; p < m.rowPtr[r + 1]; p++) {
                w[m.colIdx[p] * m.rows + r] = m.values[p];
            }
        }
        return w;
    }

    private static float[] ordered(SellMatrix s, float[] bias) {
        float[] b = new float[s.paddedRows()];
        for (int pos = 0; pos < s.rows; pos++) {
            b[pos] = bias[s.order[pos]];
        }
        return b;
    }
}
