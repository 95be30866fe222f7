package org.prune4j.sparse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.prune4j.dense.DenseKernel;
import org.prune4j.dense.DenseNetwork;
import org.prune4j.dense.Parallel;
import org.prune4j.dense.VectorApi;
import org.prune4j.nn.Activation;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;

/**
 * Gets every dense and sparse kernel compiled by the JIT before anything is timed, once per JVM, on small products that take every
 * path (all panel and chunk widths, tails, input blocks). Interpreted Vector API code is about a thousand times
 * slower than compiled, so a big product timed cold can spend seconds per call before its loops are compiled;
 * small products reach the compile thresholds in a few seconds. The products take every branch the big ones take
 * (ragged panels and tiles, several input blocks, bias and ReLU, the splits over the cores of sparse passes, dense
 * networks and dense products), so the compiled code is not thrown away later. {@code Timing} runs it before
 * measuring; call it yourself before timing by hand.
 *
 * <p>Under the default tiered JIT, compiled Vector API code may still be replaced by slower first-tier code for a
 * while on a busy machine; {@code -XX:-TieredCompilation} avoids that (the benchmarks are run with it).
 */
public final class KernelWarmup {
    private static final int ROUNDS = 400;
    /** Rounds over the split passes: each is called from fewer places than the kernels. */
    private static final int SPLIT_ROUNDS = 1000;
    private static final int CALLS = 12_000;
    private static final long MAX_NANOS = 8_000_000_000L;
    private static volatile boolean done;
    private static int rounds;

    private KernelWarmup() {
    }

    /** Calls until {@value #CALLS} calls were made (past the JIT's thresholds) or the deadline passes. */
    private static void untilCompiled(Runnable call, long deadline) {
        for (int i = 0; i < CALLS && System.nanoTime() < deadline; i++) {
            call.run();
        }
    }

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** @return the values with all but every tenth set to zero (10 % kept) */
    private static float[] everyTenth(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i % 10 != 0) {
                values[i] = 0f;
            }
        }
        return values;
    }

    /** @return rounds over all paths the warm-up made (0 before it ran) */
    public static int rounds() {
        return rounds;
    }

    /** Runs the warm-up unless it already ran in this JVM (a few seconds, at most 8). */
    public static synchronized void once() {
        if (done) {
            return;
        }
        List<Runnable> calls = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        // Dense 8 x 110: 7 vector strips (panels of 4, 2 and a ragged 1); batch 5 takes the 4-row tiles and the
        // 1-row tail. Sparse 40 x 20 cut into input blocks of 16: two transpose tiles and a ragged edge; batches
        // 16, 32, 64 and 128 take the four chunk widths, 20 and 100 a partial chunk. Each kernel is first called on its own
        // (cheap even when interpreted: a microsecond per vector operation) until the JIT has compiled it.
        float[] w = gaussian(random, 8 * 110);
        float[] s = gaussian(random, 40 * 20);
        for (int i = 0; i < s.length; i++) {
            if (i % 3 == 0) {
                s[i] = 0f;
            }
        }
        CsrMatrix csr = CsrMatrix.ofWeights(s, 40, 20);
        float[] bias = gaussian(random, 20);
        long deadline = System.nanoTime() + MAX_NANOS;
        SparseKernel[] kernels = VectorApi.available() ? SparseKernel.values() : new SparseKernel[] {SparseKernel.JAVA};
        // The batch-1 SpMVs that run here (the scalar one; the gathers where they are used), each also with the 16-bit
        // column indices big layers use (this small matrix only because it is told to): without them here, an SpMV is
        // compiled on a profile that never took that branch, and the first big layer sends it back to the
        // interpreter in the middle of a timing.
        float[] xv = gaussian(random, 40);
        boolean[] spmvs = VectorApi.available() && SparseKernel.VECTOR.gathers() ? new boolean[] {false, true}
                : new boolean[] {false};
        for (boolean gathers : spmvs) {
            for (int shortIndexEntries : new int[] {SellMatrix.SHORT_INDEX_ENTRIES, 0}) {
                SellMatrix sell = SellMatrix.of(csr, gathers ? VectorSparseOps.L : JavaSparseOps.SLICE,
                        shortIndexEntries);
                float[] yv = new float[sell.paddedRows()];
                float[] sb = new float[sell.paddedRows()];
                untilCompiled(() -> Pass.spmv(gathers, sell, xv, yv, sb, true, 0, sell.slices), deadline);
                untilCompiled(() -> Pass.spmv(gathers, sell, xv, yv, null, false, 0, sell.slices), deadline);
                calls.add(() -> Pass.spmv(gathers, sell, xv, yv, null, false, 0, sell.slices));
            }
        }
        if (VectorApi.available()) {
            if (VectorTranspose.USABLE) {
                float[] tile = gaussian(random, 256);
                float[] into = new float[256];
                float[] max = new float[16];
                untilCompiled(() -> VectorTranspose.tile(tile, 0, 16, into, 0, 16, max), deadline);
                untilCompiled(() -> VectorTranspose.tile(tile, 0, 16, into, 0, 16, null), deadline);
            }
            BlockedCsr blocked = new BlockedCsr(csr, 16);
            for (int v = 1; v <= Layouts.MAX_VECTORS; v *= 2) {
                int width = v * VectorSparseOps.L;
                float[] xc = gaussian(random, 40 * width);
                float[] yc = new float[20 * width];
                untilCompiled(() -> VectorSparseOps.spmm(blocked, xc, 0, yc, 0, width, 1, bias, true, 0, 20), deadline);
                untilCompiled(() -> VectorSparseOps.spmm(blocked, xc, 0, yc, 0, width, 1, null, false, 0, 20), deadline);
            }
            // Narrow dense (a shrunk layer), output groups of 4, 2 and 1: 40 x 7 batch 37 with an input tail and row
            // tails; 32 x 7 batch 300 without either, split over cores. A path first met after compilation would
            // send the kernel back to the interpreter (measured: 100x slower for half a second).
            for (int[] c : new int[][] {{40, 37}, {32, 300}}) {
                DenseKernel narrow = DenseKernel.vector(gaussian(random, c[0] * 7), c[0], 7);
                float[] xn = gaussian(random, c[1] * c[0]);
                float[] yn = new float[c[1] * 7];
                untilCompiled(() -> narrow.compute(xn, c[1], yn), deadline);
                calls.add(() -> narrow.compute(xn, c[1], yn));
            }
            for (int batch : new int[] {1, 5}) {
                DenseKernel k = DenseKernel.vector(w, 8, 110);
                float[] x = gaussian(random, batch * 8);
                float[] y = new float[batch * 110];
                untilCompiled(() -> k.compute(x, batch, y), deadline);
            }
        }
        for (int batch : new int[] {1, 5, 16, 20, 32, 64, 100, 128}) {
            float[] x = gaussian(random, batch * 8);
            float[] xs = gaussian(random, batch * 40);
            calls.add(DenseKernel.plainJava(w, 8, 110).bind(x, batch));
            for (SparseKernel k : kernels) {
                SparseLayer bare = new SparseLayer("w", csr, new float[20], Activation.IDENTITY, k);
                SparseLayer relu = new SparseLayer("fc", csr, bias, Activation.RELU, k);
                bare.forceBlockColumns(16);
                relu.forceBlockColumns(16);
                calls.add(bare.bind(xs, batch));
                calls.add(relu.bindForward(xs, batch));
            }
            if (VectorApi.available()) {
                calls.add(DenseKernel.vector(w, 8, 110).bind(x, batch));
            }
        }
        // The passes that split work over the cores (by chunks of the batch, by rows, by slices; the dense network by
        // blocks of rows) only run on big products. Their own code is small, but under -XX:-TieredCompilation it
        // stayed interpreted until some ten thousand calls of it had been made: a benchmark cell of a few hundred
        // calls per method was timed through the interpreter (measured: Pass.run deoptimized when it met the
        // chunk split, and compiled again 3.7 s later). Here they run on a two-layer chain split however small.
        List<Runnable> splits = new ArrayList<>();
        if (Parallel.cores() > 1) {
            float[] s2 = gaussian(random, 20 * 20);
            CsrMatrix csr2 = CsrMatrix.ofWeights(s2, 20, 20);
            for (SparseKernel k : kernels) {
                List<SparseLayer> chain = List.of(new SparseLayer("fc1", csr, bias, Activation.RELU, k),
                        new SparseLayer("fc2", csr2, new float[20], Activation.IDENTITY, k));
                // one input (split by slices or rows); 16-wide chunks, one per core; one chunk split by rows; two
                // 128-wide chunks, one per core
                for (int batch : k == SparseKernel.VECTOR ? new int[] {1, 32, 128, 256} : new int[] {1, 32}) {
                    // the forward pass and the bare product (a layer's timing)
                    for (boolean affine : new boolean[] {true, false}) {
                        List<SparseLayer> layers = affine ? chain : chain.subList(0, 1);
                        BatchOneChain batchOne = batch == 1 ? BatchOneChain.of(layers, false) : null;
                        Pass pass = new Pass(layers, batchOne, affine, batch, 0, true);
                        float[] x = gaussian(random, batch * 40);
                        float[] y = new float[batch * 20];
                        splits.add(() -> pass.run(x, y));
                    }
                }
            }
        }
        // One input through a network's chain with a dense step between SELL layers (VECTOR: a layer dense enough
        // runs as a dense product): 40 x 20 at 10 % kept, 20 x 20 fully dense, 20 x 20 at 10 % kept. On any number
        // of cores: Pass.run's dense-step branch must be compiled before a timing meets it.
        if (VectorApi.available()) {
            float[] sparse = everyTenth(gaussian(random, 40 * 20));
            float[] sparse2 = everyTenth(gaussian(random, 20 * 20));
            List<SparseLayer> mixedChain = List.of(
                    new SparseLayer("fc1", CsrMatrix.ofWeights(sparse, 40, 20), bias, Activation.RELU,
                            SparseKernel.VECTOR),
                    new SparseLayer("fc2", CsrMatrix.ofWeights(gaussian(random, 20 * 20), 20, 20), bias,
                            Activation.RELU, SparseKernel.VECTOR),
                    new SparseLayer("fc3", CsrMatrix.ofWeights(sparse2, 20, 20), new float[20],
                            Activation.IDENTITY, SparseKernel.VECTOR));
            Pass mixed = new Pass(mixedChain, BatchOneChain.of(mixedChain, true), true, 1);
            float[] x = gaussian(random, 40);
            float[] y = new float[20];
            untilCompiled(() -> mixed.run(x, y), deadline);
            calls.add(() -> mixed.run(x, y));
        }
        // the dense network: whole (batch 5) with each kernel, and in blocks of rows, one per core (448 x 1,200
        // multiply-adds) with the fastest
        Network net = Networks.mlp("warm-up", 5, 40, 20, 20);
        calls.add(new DenseNetwork(net, DenseKernel::plainJava).bind(gaussian(random, 5 * 40), 5));
        if (VectorApi.available()) {
            calls.add(new DenseNetwork(net, DenseKernel::vector).bind(gaussian(random, 5 * 40), 5));
        }
        if (Parallel.cores() > 1) {
            DenseNetwork.KernelFactory fastest = VectorApi.available() ? DenseKernel::vector : DenseKernel::plainJava;
            splits.add(new DenseNetwork(net, fastest).bind(gaussian(random, 448 * 40), 448));
        }
        // the dense GEMM's splits: by panels (128 x 300 at batch 4), by rows (128 x 64 at 32), both (128 x 64 at 128)
        if (VectorApi.available() && Parallel.cores() > 1) {
            for (int[] c : new int[][] {{300, 4}, {64, 32}, {64, 128}}) {
                DenseKernel k = DenseKernel.vector(gaussian(random, 128 * c[0]), 128, c[0]);
                splits.add(k.bind(gaussian(random, c[1] * 128), c[1]));
            }
        }
        int round = 0;
        for (; round < ROUNDS && System.nanoTime() < deadline; round++) {
            for (Runnable r : calls) {
                r.run();
            }
        }
        for (int i = 0; i < SPLIT_ROUNDS && System.nanoTime() < deadline; i++) {
            for (Runnable r : splits) {
                r.run();
            }
        }
        rounds = round;
        done = true;
    }
}
