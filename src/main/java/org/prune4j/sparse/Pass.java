package org.prune4j.sparse;

import java.util.List;

import org.prune4j.dense.DenseKernel;
import org.prune4j.dense.InputCheck;
import org.prune4j.dense.Parallel;
import org.prune4j.nn.Activation;

/**
 * A forward pass through a chain of sparse layers for one batch size, with its buffers allocated once. Activations
 * stay in the kernel's layout between layers; the transposes happen only at the two ends.
 */
final class Pass {
    /**
     * Multiply-adds per layer below which the hand-off to another core costs more than it saves. A batched layer
     * pays its layout's transposes as well as its products, and both halve on two cores: on the AMD machine 300 x
     * 100 at batch 32, 80 and 90 % sparsity (192 and 96 thousand), took 0.62-0.63 and 0.47-0.49 of the best dense
     * time split, 0.99-1.04 and 0.71-0.81 on one core (2^16 against 2^18, two JVMs each); at batch 256 and 99 %
     * (77 thousand) 0.33-0.35 against 0.51-0.52.
     */
    private static final long PARALLEL_WORK = Long.getLong("prune4j.sparse.parallelWork", 1L << 16);
    /**
     * The same for one input at a time, in stored non-zeros: gathers, not memory, bound an SpMV that fits in cache, so
     * a second core pays from a few microseconds on (measured 1.4-2x on 784 x 300 at 80-90 %, 24-47 thousand
     * non-zeros, 8-20 µs on one core, with the pool's workers spinning between back-to-back calls). At 95 % (12
     * thousand, 3.5 µs on one core) it did not: 4.2-5.2 µs on two in a plain JVM, 4.2-10 µs in a notebook kernel.
     */
    private static final long PARALLEL_WORK_SPMV = Long.getLong("prune4j.sparse.parallelWorkSpmv", 1L << 14);

    /**
     * Multiply-adds from which a layer at a batch of at most {@value #FINE_SPLIT_BATCH} is cut into four parts per
     * core instead of two: parts are claimed by whichever core is free, and the finer cut evens out a core that runs
     * slower for a while. Whole LeNet pass, one JVM, alternating, fc1 in 8 parts instead of 4, three runs: batch 32
     * at 50-70 % sparsity 0.87-1.0 of the time (1.0 when neither core was disturbed); batch 256 1.03-1.12 (so not
     * there); products under a million multiply-adds no faster. A split SpMV (batch 1) is always cut finely: 784 x 300
     * at 90 % on the AMD machine, alternating in one JVM, 8 parts against 4: 0.75-0.96 of the time for scalar CSR
     * (ten JVMs), 0.87-0.95 for SELL (four); one of the two vCPUs often runs slower for a while, and the finer cut
     * lets the other take more.
     */
    private static final long FINE_SPLIT_WORK = 1L << 21;
    private static final int FINE_SPLIT_BATCH = 64;
    /** Multiply-adds of a chain's heaviest layer below which a batch is cut into narrower chunks, one per core. */
    private static final long NARROW_CHUNK_WORK = 5L << 19;

    /** Floats an aligned buffer may add to its length (its offset to a 64-byte boundary, with room to spare). */
    private static final int LAYOUT_SLACK = 64;

    private final List<SparseLayer> layers;
    private final SparseKernel kernel;
    private final boolean affine;
    private final int batch;
    /**
     * Per layer: parts its product is split into (1: on the caller alone). Decided per layer, not for the chain: the
     * hand-off to another core costs more than LeNet's 100×10 layer takes (at 90 % sparsity, batch 1, the whole pass
     * took 8.9 µs deciding per layer, 9.6 µs splitting every layer as the chain's average asked).
     */
    private final int[] parts;
    // batch 1: SELL forms whose columns follow the previous layer's slice order, and dense steps
    private final SellMatrix[] sells;
    private final DenseKernel[] denseSteps;
    private final float[][] bias;
    // VECTOR, batch > 1: chunked layout
    private final int width;
    private final int chunks;
    private final BlockedCsr[] blocked;
    /**
     * Whether the batch's chunks are spread over the cores, each running the whole chain on its own chunk (else
     * each layer's rows are). A core then reads only activations it wrote itself: split by rows, every layer's
     * input had to move between the cores' caches, and the one-core transpose of the input cost more to move than
     * to compute.
     */
    private final boolean byChunks;
    // buffers: [0] input in layout, [i + 1] output of layer i; chunked ones start at a 64-byte boundary
    private final float[][] flat;
    private final int[] flatOff;
    private final float[][][] rows;

    /**
     * @param chain  for batch 1: the layers' SELL forms with renumbered columns, or dense steps (null for one
     *               layer on its own)
     * @param affine    whether to add the bias and apply the activation (false: the bare product x · W)
     */
    Pass(List<SparseLayer> layers, BatchOneChain chain, boolean affine, int batch) {
        this(layers, chain, affine, batch, 0);
    }

    /** @param chunkWidth for VECTOR with batch > 1: the chunk width to use (0: the default) */
    Pass(List<SparseLayer> layers, BatchOneChain chain, boolean affine, int batch, int chunkWidth) {
        this(layers, chain, affine, batch, chunkWidth, false);
    }

    /**
     * @param splitAll split every layer over the cores however little work it has (for the JIT warm-up: the paths
     *                 that only big products take are compiled before anything is timed)
     */
    Pass(List<SparseLayer> layers, BatchOneChain chain, boolean affine, int batch, int chunkWidth,
            boolean splitAll) {
        this.layers = layers;
        this.kernel = layers.get(0).kernel();
        this.affine = affine;
        this.batch = batch;
        long threshold = batch == 1 ? PARALLEL_WORK_SPMV : PARALLEL_WORK;
        int n = layers.size();
        this.parts = new int[n];
        long heaviest = 0;
        boolean split = false;
        for (int i = 0; i < n; i++) {
            long work = layers.get(i).csr().nonZeros() * (long) batch;
            boolean fine = batch == 1 || batch <= FINE_SPLIT_BATCH && work >= FINE_SPLIT_WORK;
            parts[i] = (work < threshold && !splitAll) || Parallel.cores() == 1 ? 1 : (fine ? 4 : 2) * Parallel.cores();
            heaviest = Math.max(heaviest, work);
            split |= parts[i] > 1;
        }
        if (batch == 1) {
            BatchOneChain c = chain != null ? chain : BatchOneChain.single(layers.get(0));
            sells = c.sells;
            denseSteps = c.denseSteps;
            bias = c.bias;
            width = 0;
            chunks = 0;
            blocked = null;
            byChunks = false;
            flat = new float[n + 1][];
            flatOff = null;
            for (int i = 0; i < n; i++) {
                flat[i + 1] = new float[sells[i] != null ? sells[i].paddedRows() : layers.get(i).outputs()];
            }
            rows = null;
        } else if (kernel == SparseKernel.VECTOR) {
            sells = null;
            denseSteps = null;
            bias = null;
            width = chunkWidth > 0 ? chunkWidth : chunkWidth(batch, heaviest, split);
            chunks = Layouts.chunks(batch, width);
            for (int i = 0; i <= n; i++) {
                // the layout pads the batch to whole chunks: it can need more values than the rows themselves
                long features = i == 0 ? layers.get(0).inputs() : layers.get(i - 1).outputs();
                long values = (long) chunks * width * features;
                if (values > InputCheck.MAX_VALUES - LAYOUT_SLACK) {
                    throw new IllegalArgumentException("batch " + batch + ", padded to " + (long) chunks * width
                            + " for the sparse layout, x " + features + " values of a layer = " + values
                            + " values do not fit in one Java array; split the batch");
                }
            }
            blocked = new BlockedCsr[n];
            flat = new float[n + 1][];
            flatOff = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                AlignedFloats a = AlignedFloats.of(chunks * width
                        * (i == 0 ? layers.get(0).inputs() : layers.get(i - 1).outputs()));
                flat[i] = a.data;
                flatOff[i] = a.offset;
                if (i < n) {
                    blocked[i] = layers.get(i).blocked(width);
                }
            }
            byChunks = VectorTranspose.USABLE && chunks > 1 && split;
            rows = null;
        } else {
            sells = null;
            denseSteps = null;
            bias = null;
            width = 0;
            chunks = 0;
            blocked = null;
            byChunks = false;
            flatOff = null;
            flat = null;
            rows = new float[n + 1][][];
            rows[0] = new float[layers.get(0).inputs()][batch];
            for (int i = 0; i < n; i++) {
                rows[i + 1] = new float[layers.get(i).outputs()][batch];
            }
        }
    }

    /** @return whether the batch's chunks, not each layer's rows, are spread over the cores */
    boolean splitsByChunks() {
        return byChunks;
    }

    /** @return the chunk width of the batched layout (0 for one input at a time) */
    int chunkWidth() {
        return width;
    }

    /** @param x {@code [batch × in]} (finiteness is checked on the way in); @param y {@code [batch × out]} */
    void run(float[] x, float[] y) {
        int n = layers.size();
        if (batch == 1) {
            if (kernel == SparseKernel.VECTOR ? !VectorSparseOps.isFinite(x) : !InputCheck.isFinite(x)) {
                InputCheck.finite(x, x.length);
            }
            boolean vector = kernel.gathers();
            float[] a = x;
            for (int i = 0; i < n; i++) {
                SellMatrix s = sells[i];
                float[] out = flat[i + 1];
                float[] in = a;
                float[] b = affine ? bias[i] : null;
                boolean relu = affine && layers.get(i).activation() == Activation.RELU;
                a = out;
                if (s == null) {
                    denseSteps[i].forward(in, 1, out, b, relu); // a dense step is always part of a network's chain
                    continue;
                }
                int parts = Math.min(this.parts[i], s.slices);
                if (parts == 1) {
                    spmv(vector, s, in, out, b, relu, 0, s.slices);
                } else {
                    Parallel.run(parts, p -> spmv(vector, s, in, out, b, relu, splitSlices(s, p, parts),
                            splitSlices(s, p + 1, parts)));
                }
            }
            SellMatrix last = sells[n - 1];
            if (last == null) {
                System.arraycopy(a, 0, y, 0, y.length);
            } else {
                for (int i = 0; i < last.rows; i++) {
                    y[last.order[i]] = a[i];
                }
            }
        } else if (kernel == SparseKernel.VECTOR && byChunks) {
            Parallel.run(chunks, c -> runChunk(x, y, c));
        } else if (kernel == SparseKernel.VECTOR) {
            boolean finite = VectorTranspose.USABLE
                    ? VectorTranspose.toChunked(x, batch, layers.get(0).inputs(), width, flat[0], flatOff[0])
                    : VectorSparseOps.toChunked(x, batch, layers.get(0).inputs(), width, flat[0], flatOff[0]);
            if (!finite) {
                InputCheck.finite(x, layers.get(0).inputs());
            }
            for (int i = 0; i < n; i++) {
                BlockedCsr m = blocked[i];
                float[] in = flat[i];
                float[] out = flat[i + 1];
                int inOff = flatOff[i];
                int outOff = flatOff[i + 1];
                float[] b = affine ? layers.get(i).biasLive() : null;
                boolean relu = affine && layers.get(i).activation() == Activation.RELU;
                int parts = this.parts[i];
                if (parts == 1) {
                    VectorSparseOps.spmm(m, in, inOff, out, outOff, width, chunks, b, relu, 0, m.rows);
                } else {
                    Parallel.run(parts, p -> VectorSparseOps.spmm(m, in, inOff, out, outOff, width, chunks, b, relu,
                            m.splitRow(p, parts), m.splitRow(p + 1, parts)));
                }
            }
            if (VectorTranspose.USABLE) {
                VectorTranspose.fromChunked(flat[n], flatOff[n], batch, layers.get(n - 1).outputs(), width, y);
            } else {
                VectorSparseOps.fromChunked(flat[n], flatOff[n], batch, layers.get(n - 1).outputs(), width, y);
            }
        } else {
            Layouts.toRows(x, batch, layers.get(0).inputs(), rows[0]);
            for (int i = 0; i < n; i++) {
                CsrMatrix m = layers.get(i).csr();
                float[][] in = rows[i];
                float[][] out = rows[i + 1];
                float[] b = affine ? layers.get(i).biasLive() : null;
                boolean relu = affine && layers.get(i).activation() == Activation.RELU;
                int parts = this.parts[i];
                if (parts == 1) {
                    JavaSparseOps.spmm(m, in, out, b, relu, 0, m.rows);
                } else {
                    Parallel.run(parts, p -> JavaSparseOps.spmm(m, in, out, b, relu, splitRows(m, p, parts),
                            splitRows(m, p + 1, parts)));
                }
            }
            Layouts.fromRows(rows[n], batch, layers.get(n - 1).outputs(), y);
        }
    }

    /** Slices {@code [s0, s1)} of a batch-1 product with the gathers ({@code vector}) or the scalar SELL-8 loop. */
    static void spmv(boolean vector, SellMatrix s, float[] x, float[] y, float[] bias, boolean relu, int s0, int s1) {
        if (vector) {
            VectorSparseOps.spmv(s, x, y, bias, relu, s0, s1);
        } else {
            JavaSparseOps.spmv(s, x, y, bias, relu, s0, s1);
        }
    }

    /**
     * The chunk width: the layout's default, unless the batch then fits in fewer chunks than there are cores and the
     * chain is light enough (its {@code heaviest} layer's multiply-adds; {@code split}: some layer is worth two
     * cores) that narrower chunks, one or more per core ({@link #byChunks}), pay: LeNet at batch 32,
     * one JVM, alternating, chunks of 16 per core against rows of 32-wide chunks split over the cores: 0.37-0.65 of
     * the time at 80-95 % sparsity, 0.85-0.98 at 70 % (fc1 2.3 million multiply-adds), 1.05 at 60 % (3.0 million),
     * 1.34 at 50 % (the one-vector kernel does more work per multiply-add).
     */
    private static int chunkWidth(int batch, long heaviest, boolean split) {
        int lanes = VectorSparseOps.L;
        int width = Layouts.chunkWidth(batch, lanes);
        if (!VectorTranspose.USABLE || !split || heaviest >= NARROW_CHUNK_WORK) {
            return width;
        }
        while (width > lanes && Layouts.chunks(batch, width / 2) <= Parallel.cores()
                && Layouts.chunks(batch, width) < Parallel.cores()) {
            width /= 2;
        }
        return width;
    }

    /** The whole chain for chunk {@code c} of the batch, on the calling thread (see {@link #byChunks}). */
    private void runChunk(float[] x, float[] y, int c) {
        int n = layers.size();
        int groups = (batch + 15) / 16;
        int g0 = c * width / 16;
        int g1 = Math.min(groups, (c + 1) * width / 16);
        int in = layers.get(0).inputs();
        if (!VectorTranspose.toChunkedGroups(x, batch, in, width, flat[0], flatOff[0], g0, g1)) {
            InputCheck.finite(x, in);
        }
        for (int i = 0; i < n; i++) {
            BlockedCsr m = blocked[i];
            float[] b = affine ? layers.get(i).biasLive() : null;
            boolean relu = affine && layers.get(i).activation() == Activation.RELU;
            VectorSparseOps.spmm(m, flat[i], flatOff[i] + c * m.cols * width, flat[i + 1],
                    flatOff[i + 1] + c * m.rows * width, width, 1, b, relu, 0, m.rows);
        }
        VectorTranspose.fromChunkedGroups(flat[n], flatOff[n], batch, layers.get(n - 1).outputs(), width, y, g0, g1);
    }

    /** First row of a part when rows are split evenly by non-zeros. */
    private static int splitRows(CsrMatrix m, int part, int parts) {
        if (part >= parts) {
            return m.rows;
        }
        long target = (long) m.nonZeros() * part / parts;
        int lo = 0;
        int hi = m.rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (m.rowPtr[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First slice of a part when slices are split evenly by stored entries. */
    private static int splitSlices(SellMatrix s, int part, int parts) {
        if (part >= parts) {
            return s.slices;
        }
        long target = (long) s.sliceOffset[s.slices] * part / parts;
        int lo = 0;
        int hi = s.slices;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.sliceOffset[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
