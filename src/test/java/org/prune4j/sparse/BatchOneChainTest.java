package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.VectorApi;
import org.prune4j.nn.Network;

class BatchOneChainTest {

    /** A {@code [in × out]} matrix with exactly {@code nonZeros} non-zero weights, spread over it. */
    private static SparseLayer withNonZeros(int in, int out, int nonZeros, SparseKernel kernel) {
        float[] w = new float[in * out];
        for (int i = 0; i < nonZeros; i++) {
            w[(int) ((long) i * w.length / nonZeros)] = 0.5f + i % 7;
        }
        return SparseLayer.ofWeights(w, in, out, kernel);
    }

    @Test
    void aLayerRunsDenseFromItsBreakEvenDensity() {
        Assumptions.assumeTrue(VectorApi.available(), "dense steps need the Vector API");
        double halved = SparseKernel.VECTOR.gathers() ? 2 : 1;
        // cached: 70 x 10 = 700 weights break even at 700 / 7 = 100 non-zeros (where the SpMV gathers, 200)
        int cached = (int) Math.ceil(700 / (BatchOneChain.DENSE_SPEEDUP_CACHED / halved));
        assertTrue(BatchOneChain.runsDense(withNonZeros(70, 10, cached, SparseKernel.VECTOR)));
        assertFalse(BatchOneChain.runsDense(withNonZeros(70, 10, cached - 1, SparseKernel.VECTOR)));
        // beyond two L2s (1024 x 1024 floats = 4 MB): 1 / 3
        int weights = 1024 * 1024;
        int streamed = (int) Math.ceil(weights / (BatchOneChain.DENSE_SPEEDUP_STREAMED / halved));
        assertTrue(BatchOneChain.runsDense(withNonZeros(1024, 1024, streamed, SparseKernel.VECTOR)));
        assertFalse(BatchOneChain.runsDense(withNonZeros(1024, 1024, streamed - 1, SparseKernel.VECTOR)));
    }

    @Test
    void thePlainJavaKernelNeverRunsDense() {
        // its dense loop is slower than its SpMV one input at a time, even for a full matrix
        assertFalse(BatchOneChain.runsDense(withNonZeros(70, 10, 700, SparseKernel.JAVA)));
        Network net = SparseFixtures.prunedMlp(5, 0.3, 40, 20, 10);
        assertEquals(List.of(), SparseNetwork.of(net, SparseKernel.JAVA).denseAtBatchOne());
    }

    @Test
    void mixedChainsEqualTheDenseNetwork() {
        // sparse, dense, sparse, dense: a dense step after slice-ordered outputs (their padding included) and a
        // SELL layer after a dense step's natural order; and dense first, then sparse
        Network[] nets = {
            SparseFixtures.prunedMlp(7, new double[] {0.97, 0.5, 0.97, 0.3}, 203, 121, 61, 37, 10),
            SparseFixtures.prunedMlp(8, new double[] {0.2, 0.98, 0.98}, 90, 250, 33, 10),
        };
        List<List<String>> denseLayers = List.of(List.of("fc2", "fc4"), List.of("fc1"));
        for (int n = 0; n < nets.length; n++) {
            Network net = nets[n];
            float[] x = SparseFixtures.gaussian(net.inputs(), 11 + n);
            float[] expected = net.output(Nd4j.create(x, new long[] {1, net.inputs()}, DataType.FLOAT)).data()
                    .asFloat();
            for (SparseKernel k : SparseKernel.values()) {
                if (k == SparseKernel.VECTOR && !VectorApi.available()) {
                    continue;
                }
                SparseNetwork mixed = SparseNetwork.of(net, k);
                SparseNetwork sparse = SparseNetwork.allSparse(net, k);
                assertEquals(k == SparseKernel.VECTOR ? denseLayers.get(n) : List.of(), mixed.denseAtBatchOne(), k
                        + " network " + n);
                assertEquals(List.of(), sparse.denseAtBatchOne());
                for (SparseNetwork s : List.of(mixed, sparse)) {
                    float[] y = new float[10];
                    Arrays.fill(y, Float.NaN);
                    Runnable pass = s.bind(x, 1, y);
                    pass.run();
                    pass.run();
                    for (int i = 0; i < 10; i++) {
                        assertEquals(expected[i], y[i], 1e-5 * Math.max(1, Math.abs(expected[i])),
                                k + " network " + n + " " + s.denseAtBatchOne() + " at " + i);
                    }
                    assertEquals(expected[3], s.output(x, 1)[3], 1e-5 * Math.max(1, Math.abs(expected[3])));
                }
                if (k == SparseKernel.VECTOR) {
                    assertTrue(mixed.toString().contains(denseLayers.get(n).get(0) + ": sparse"), mixed.toString());
                    assertTrue(mixed.toString().contains("dense product one input at a time"), mixed.toString());
                    assertFalse(sparse.toString().contains("dense product"), sparse.toString());
                }
            }
        }
    }
}
