package org.prune4j.bench;

import java.util.ArrayList;
import java.util.List;

import org.prune4j.dense.DenseKernel;
import org.prune4j.dense.VectorApi;
import org.prune4j.sparse.SparseKernel;
import org.prune4j.sparse.SparseLayer;

/**
 * Gets every kernel compiled by the JIT before anything is timed, once per JVM, on small products that take every
 * path (all panel and chunk widths, tails, input blocks). Interpreted Vector API code is about a thousand times
 * slower than compiled, so a big product timed cold can spend seconds per call before its loops are compiled;
 * small products reach the compile thresholds in well under a second.
 */
final class KernelWarmup {
    private static final int ROUNDS = 2500;
    private static volatile boolean done;

    private KernelWarmup() {
    }

    /** Runs the warm-up unless it already ran in this JVM (a few seconds). */
    static synchronized void once() {
        if (done) {
            return;
        }
        List<Runnable> calls = new ArrayList<>();
        // 7 vector strips: panels of 4, 2 and 1; 1030 inputs: two input blocks. Small, so that even interpreted
        // calls are cheap and the compile thresholds (thousands of calls and loop trips) come quickly.
        int[][] shapes = {{24, 112}, {1030, 4}};
        for (int[] s : shapes) {
            float[] w = Magnitude.gaussian(s[0] * s[1], 5);
            float[] pruned = new Magnitude(w).prune(0.6);
            for (int batch : new int[] {1, 5, 16, 32, 40, 64}) {
                float[] x = Magnitude.gaussian(batch * s[0], batch);
                calls.add(DenseKernel.plainJava(w, s[0], s[1]).bind(x, batch));
                if (VectorApi.available()) {
                    calls.add(DenseKernel.vector(w, s[0], s[1]).bind(x, batch));
                    calls.add(SparseLayer.ofWeights(pruned, s[0], s[1], SparseKernel.VECTOR).bind(x, batch));
                }
                calls.add(SparseLayer.ofWeights(pruned, s[0], s[1], SparseKernel.JAVA).bind(x, batch));
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
            for (Runnable r : calls) {
                r.run();
            }
        }
        done = true;
    }
}
