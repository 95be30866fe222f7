package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The pool of forward passes: right results for every batch size, buffers kept for only a few of them. */
class PassPoolTest {

    @Test
    void keepsPassesForTheLastFewBatchSizesOnly() {
        for (SparseKernel k : SparseKernel.values()) {
            SparseLayer layer = SparseLayer.ofWeights(SparseFixtures.gaussian(12 * 5, 3), 12, 5, k);
            PassPool pool = new PassPool(b -> new Pass(List.of(layer), null, false, b));
            for (int batch = 1; batch <= 20; batch++) {
                float[] x = SparseFixtures.gaussian(batch * 12, batch);
                float[] y = new float[batch * 5];
                pool.run(x, batch, y);
                assertArrayEquals(layer.multiply(x, batch), y, 1e-6f, "batch " + batch);
            }
            assertEquals(8, pool.batchSizesKept(), k + ": passes kept for the 8 batch sizes used last");
            float[] x = SparseFixtures.gaussian(3 * 12, 7);
            float[] y = new float[3 * 5];
            pool.run(x, 3, y); // an evicted size is simply built again
            assertArrayEquals(layer.multiply(x, 3), y, 1e-6f);
        }
    }
}
