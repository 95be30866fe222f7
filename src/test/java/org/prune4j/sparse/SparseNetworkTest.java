package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.VectorApi;
import org.prune4j.nn.Network;

class SparseNetworkTest {

    @Test
    void outputsEqualTheDensePrunedNetworkWithin1e5() {
        for (double sparsity : new double[] {0.5, 0.92, 0.99}) {
            Network net = SparseFixtures.prunedMlp(42, sparsity, 784, 300, 100, 10);
            for (SparseKernel k : SparseKernel.values()) {
                SparseNetwork sparse = SparseNetwork.of(net, k);
                assertEquals(net.nonZeroWeights(), sparse.nonZeros());
                for (int batch : new int[] {1, 7, 32, 48, 200, 256}) {
                    float[] x = SparseFixtures.gaussian(batch * 784, batch);
                    for (int i = 0; i < x.length; i++) {
                        x[i] = Math.abs(x[i]) * 0.3f; // pixel-like: non-negative, around [0, 1]
                    }
                    INDArray xa = Nd4j.create(x, new long[] {batch, 784}, DataType.FLOAT);
                    float[] dense = net.output(xa).data().asFloat();
                    assertLogits(dense, sparse.output(xa).data().asFloat(),
                            k + " sparsity " + sparsity + " batch " + batch);
                }
            }
        }
    }

    @Test
    void batchesAreSplitByChunksWhereThatPays() {
        Assumptions.assumeTrue(org.prune4j.dense.Parallel.cores() > 1 && VectorApi.available()
                && VectorTranspose.USABLE, "needs two cores and 16-lane vectors (the widths below are in 16s)");
        Network light = SparseFixtures.prunedMlp(3, 0.9, 784, 300, 100, 10);
        Network heavy = SparseFixtures.prunedMlp(3, 0.5, 784, 300, 100, 10);
        List<SparseLayer> lightLayers = SparseNetwork.of(light, SparseKernel.VECTOR).layers();
        List<SparseLayer> heavyLayers = SparseNetwork.of(heavy, SparseKernel.VECTOR).layers();
        // batch 256: two 128-wide chunks, one per core
        Pass p = new Pass(heavyLayers, null, true, 256);
        assertTrue(p.splitsByChunks());
        assertEquals(128, p.chunkWidth());
        // batch 32, a light chain: two 16-wide chunks instead of one 32-wide chunk split by rows
        p = new Pass(lightLayers, null, true, 32);
        assertTrue(p.splitsByChunks());
        assertEquals(16, p.chunkWidth());
        // batch 32, fc1 at 50 %: the two-vector kernel over rows pays more
        p = new Pass(heavyLayers, null, true, 32);
        assertFalse(p.splitsByChunks());
        assertEquals(32, p.chunkWidth());
        // the two splits give the same outputs within float rounding
        float[] x = SparseFixtures.gaussian(32 * 784, 9);
        float[] byRows = new float[32 * 10];
        float[] byChunks = new float[32 * 10];
        new Pass(lightLayers, null, true, 32, 32).run(x, byRows);
        new Pass(lightLayers, null, true, 32).run(x, byChunks);
        for (int i = 0; i < byRows.length; i++) {
            assertEquals(byRows[i], byChunks[i], 1e-5 * Math.max(1, Math.abs(byRows[i])), "at " + i);
        }
    }

    @Test
    void bindRunsTheSamePass() {
        // the timed pass itself (batch 1: the SELL chain; 32 and 256: chunks), into NaNs, run twice as timing does
        Network net = SparseFixtures.prunedMlp(1, 0.9, 120, 60, 10);
        for (SparseKernel k : SparseKernel.values()) {
            SparseNetwork sparse = SparseNetwork.of(net, k);
            for (int batch : new int[] {1, 3, 32, 256}) {
                float[] x = SparseFixtures.gaussian(batch * 120, batch);
                float[] dense = net.output(Nd4j.create(x, new long[] {batch, 120}, DataType.FLOAT)).data().asFloat();
                float[] y = new float[batch * 10];
                Arrays.fill(y, Float.NaN);
                Runnable pass = sparse.bind(x, batch, y);
                pass.run();
                pass.run();
                assertLogits(dense, y, k + " batch " + batch);
            }
        }
    }

    private static void assertLogits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    @Test
    void badInputIsRejectedClearly() {
        SparseNetwork sparse = SparseNetwork.of(SparseFixtures.prunedMlp(1, 0.5, 6, 4, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sparse.output(Nd4j.create(DataType.FLOAT, 2, 5)));
        assertTrue(e.getMessage().contains("[batch x 6]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sparse.output(new float[0], 0));
        assertTrue(e.getMessage().contains("batch must be at least 1"), e.getMessage());
        INDArray nan = Nd4j.zeros(DataType.FLOAT, 2, 6);
        nan.putScalar(1, 3, Float.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> sparse.output(nan));
        assertTrue(e.getMessage().contains("NaN at row 1, column 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sparse.bind(new float[6], 1, null));
        assertTrue(e.getMessage().contains("output is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SparseFixtures.prunedMlp(1, 0.5, 6, 4, 2).output((INDArray) null));
        assertTrue(e.getMessage().contains("input is null"), e.getMessage());
        // a hidden layer of 4,096 at batch 600,000 needs 2.5 billion values: named before anything is allocated
        org.prune4j.nn.Network wide = SparseFixtures.prunedMlp(1, 0.5, 1, 4096, 1);
        float[] x = new float[600_000];
        for (SparseKernel k : SparseKernel.values()) {
            e = assertThrows(IllegalArgumentException.class, () -> SparseNetwork.of(wide, k).output(x, 600_000));
            assertTrue(e.getMessage().contains("hidden layer"), e.getMessage());
        }
        // 524,287 rows fit (2,147,479,552 values), but the chunked layout pads them to 524,288: named, not overflowed
        if (VectorApi.available()) {
            float[] x2 = new float[524_287];
            e = assertThrows(IllegalArgumentException.class,
                    () -> SparseNetwork.of(wide, SparseKernel.VECTOR).output(x2, 524_287));
            assertTrue(e.getMessage().contains("padded to 524288") && e.getMessage().contains("split the batch"),
                    e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> new org.prune4j.dense.DenseNetwork(wide,
                org.prune4j.dense.DenseKernel::plainJava).output(x, 600_000));
        assertTrue(e.getMessage().contains("hidden layer"), e.getMessage());
    }
}
