package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.Network;

class SparseNetworkTest {

    @Test
    void outputsEqualTheDensePrunedNetworkWithin1e5() {
        for (double sparsity : new double[] {0.5, 0.92, 0.99}) {
            Network net = SparseFixtures.prunedMlp(42, sparsity, 784, 300, 100, 10);
            for (SparseKernel k : SparseKernel.values()) {
                SparseNetwork sparse = SparseNetwork.of(net, k);
                assertEquals(net.nonZeroWeights(), sparse.nonZeros());
                for (int batch : new int[] {1, 7, 32, 256}) {
                    float[] x = SparseFixtures.gaussian(batch * 784, batch);
                    for (int i = 0; i < x.length; i++) {
                        x[i] = Math.abs(x[i]) * 0.3f; // pixel-like: non-negative, around [0, 1]
                    }
                    INDArray xa = Nd4j.create(x, new long[] {batch, 784}, DataType.FLOAT);
                    float[] dense = net.output(xa).data().asFloat();
                    float[] mine = sparse.output(xa).data().asFloat();
                    assertEquals(dense.length, mine.length);
                    for (int i = 0; i < dense.length; i++) {
                        assertEquals(dense[i], mine[i], 1e-5 * Math.max(1, Math.abs(dense[i])),
                                k + " sparsity " + sparsity + " batch " + batch + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void bindRunsTheSamePass() {
        Network net = SparseFixtures.prunedMlp(1, 0.9, 20, 18, 5);
        SparseNetwork sparse = SparseNetwork.of(net);
        float[] x = SparseFixtures.gaussian(3 * 20, 2);
        sparse.bind(x, 3).run();
        float[] dense = net.output(Nd4j.create(x, new long[] {3, 20}, DataType.FLOAT)).data().asFloat();
        float[] mine = sparse.output(x, 3);
        for (int i = 0; i < dense.length; i++) {
            assertEquals(dense[i], mine[i], 1e-5);
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
    }
}
