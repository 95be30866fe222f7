package org.prune4j.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DenseKernelTest {

    static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller keeps the values reproducible across JVMs
            a[i] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        return a;
    }

    /** The product in double precision: the reference every kernel must match to float rounding. */
    static double[] reference(float[] x, int batch, float[] w, int in, int out) {
        double[] y = new double[batch * out];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < in; k++) {
                for (int j = 0; j < out; j++) {
                    y[b * out + j] += (double) x[b * in + k] * w[k * out + j];
                }
            }
        }
        return y;
    }

    static void assertClose(double[] expected, float[] actual, int in, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            // float32 sums of `in` unit-variance products: error grows like sqrt(in) ulps of the magnitude
            double tol = 1e-5 * Math.sqrt(in) * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, what + " at " + i);
        }
    }

    @Test
    void goldenTwoByThree() {
        float[] w = {1, 2, 3, 4, 5, 6}; // [2 x 3]
        float[] x = {1, 1, 2, -1};      // [2 x 2]
        for (DenseKernel k : DenseKernel.all(w, 2, 3)) {
            assertArrayEquals(new float[] {5, 7, 9, -2, -1, 0}, k.multiply(x, 2), k.name());
        }
    }

    @Test
    void everyKernelMatchesTheReferenceOnAwkwardShapes() {
        int[][] shapes = {{7, 3}, {37, 16}, {37, 17}, {64, 64}, {50, 65}, {33, 130}, {300, 100}, {1100, 40}, {2100, 200}};
        int[] batches = {1, 2, 3, 4, 5, 8, 9, 12, 17, 29};
        for (int[] s : shapes) {
            float[] w = gaussian(s[0] * s[1], s[0] * 31L + s[1]);
            List<DenseKernel> kernels = DenseKernel.all(w, s[0], s[1]);
            assertEquals(VectorApi.available() ? 3 : 2, kernels.size());
            for (int b : batches) {
                float[] x = gaussian(b * s[0], b);
                double[] ref = reference(x, b, w, s[0], s[1]);
                for (DenseKernel k : kernels) {
                    assertClose(ref, k.multiply(x, b), s[0], k.name() + " " + s[0] + "x" + s[1] + " batch " + b);
                }
            }
        }
    }

    @Test
    void bigProductsSplitOverCoresGiveTheSameResult() {
        int in = 700;
        int out = 300;
        int batch = 40; // > PARALLEL_WORK multiply-adds
        float[] w = gaussian(in * out, 5);
        float[] x = gaussian(batch * in, 6);
        double[] ref = reference(x, batch, w, in, out);
        for (DenseKernel k : DenseKernel.all(w, in, out)) {
            assertClose(ref, k.multiply(x, batch), in, k.name());
            float[] one = java.util.Arrays.copyOf(x, in);
            assertClose(reference(one, 1, w, in, out), k.multiply(one, 1), in, k.name() + " batch 1");
        }
    }

    @Test
    void narrowBigProductsSplitRowsAsWell() {
        int[][] cases = {{700, 20, 64}, {2100, 30, 37}, {500, 1, 300}};
        for (int[] c : cases) {
            float[] w = gaussian(c[0] * c[1], c[1]);
            float[] x = gaussian(c[2] * c[0], c[2]);
            double[] ref = reference(x, c[2], w, c[0], c[1]);
            for (DenseKernel k : DenseKernel.all(w, c[0], c[1])) {
                assertClose(ref, k.multiply(x, c[2]), c[0], k.name() + " " + c[0] + "x" + c[1] + " batch " + c[2]);
            }
        }
    }

    @Test
    void midSizeProductsSplitByRowsOrPanels() {
        // 2^17..2^19 multiply-adds: row parts over all panels from 16 rows (with a row tail), panel parts below
        int[][] cases = {{300, 40, 32}, {300, 100, 17}, {300, 30, 23}, {300, 100, 8}, {784, 16, 12}, {784, 300, 1}};
        for (int[] c : cases) {
            float[] w = gaussian(c[0] * c[1], c[1] + 11L);
            float[] x = gaussian(c[2] * c[0], c[2] + 13L);
            double[] ref = reference(x, c[2], w, c[0], c[1]);
            for (DenseKernel k : DenseKernel.all(w, c[0], c[1])) {
                assertClose(ref, k.multiply(x, c[2]), c[0], k.name() + " " + c[0] + "x" + c[1] + " batch " + c[2]);
            }
        }
    }

    @Test
    void narrowLayersMatchTheReference() {
        // the few-outputs kernel: every output group (4, 2, 1), an input tail, row tails and the parallel split
        int[] ins = {16, 17, 31, 300, 784};
        int[] batches = {1, 5, 16, 17, 33, 70, 259};
        for (int in : ins) {
            for (int out = 1; out <= 13; out += in == 300 ? 1 : 3) {
                float[] w = gaussian(in * out, in * 7L + out);
                DenseKernel k = DenseKernel.fastest(w, in, out);
                for (int b : batches) {
                    float[] x = gaussian(b * in, b + 100L * out);
                    assertClose(reference(x, b, w, in, out), k.multiply(x, b), in, in + "x" + out + " batch " + b);
                }
            }
        }
    }

    @Test
    void oneKernelUsedByTwoThreadsAtOnce() throws Exception {
        // the narrow kernel keeps a scratch buffer per thread: two callers at once must not share one (every
        // call's result is checked: a shared buffer fails here within a few calls)
        int in = 300;
        int out = 5;
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorApi.available() && NarrowGemm.fits(in, out),
                "the narrow kernel needs the Vector API with 16-lane vectors");
        float[] w = gaussian(in * out, 5);
        DenseKernel k = NarrowGemm.create(w, in, out);
        float[][] xs = {gaussian(48 * in, 1), gaussian(48 * in, 2)};
        float[][] alone = {k.multiply(xs[0], 48), k.multiply(xs[1], 48)};
        for (int t = 0; t < 2; t++) {
            assertClose(reference(xs[t], 48, w, in, out), alone[t], in, k.name() + " input " + t);
        }
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        int[] wrong = new int[2];
        Throwable[] failed = new Throwable[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                    float[] y = new float[48 * out];
                    for (int rep = 0; rep < 20_000; rep++) {
                        k.compute(xs[id], 48, y);
                        if (!Arrays.equals(y, alone[id])) {
                            wrong[id]++;
                        }
                    }
                } catch (Throwable e) {
                    failed[id] = e;
                }
            });
            threads[t].start();
        }
        for (int t = 0; t < 2; t++) {
            threads[t].join();
            assertNull(failed[t], "thread " + t);
            assertEquals(0, wrong[t], k.name() + ": calls on thread " + t + " that differed from the same call alone");
        }
    }

    @Test
    void bindComputesTheSameProduct() {
        // the timed call itself, into a buffer of NaNs so that a value it leaves unwritten fails; run twice, as
        // timing does (a call must not accumulate into its output)
        int[][] shapes = {{20, 10}, {784, 300}, {300, 100}};
        for (int[] s : shapes) {
            float[] w = gaussian(s[0] * s[1], s[1]);
            for (DenseKernel k : DenseKernel.all(w, s[0], s[1])) {
                for (int batch : new int[] {1, 3, 32, 256}) {
                    float[] x = gaussian(batch * s[0], batch);
                    float[] y = new float[batch * s[1]];
                    Arrays.fill(y, Float.NaN);
                    Runnable call = k.bind(x, batch, y);
                    call.run();
                    call.run();
                    assertClose(reference(x, batch, w, s[0], s[1]), y, s[0], k.name() + " " + s[0] + "x" + s[1]
                            + " batch " + batch);
                    k.bind(x, batch).run(); // the timed form with its own buffer
                }
            }
        }
        float[] w = gaussian(4 * 3, 1);
        DenseKernel k = DenseKernel.plainJava(w, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> k.bind(new float[8], 2, new float[5]));
    }

    @Test
    void badInputIsRejectedClearly() {
        float[] w = gaussian(4 * 3, 1);
        for (DenseKernel k : DenseKernel.all(w, 4, 3)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.multiply(new float[8], 0));
            assertTrue(e.getMessage().contains("batch must be at least 1"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> k.multiply(new float[7], 2));
            assertTrue(e.getMessage().contains("expected batch 2 x 4"), e.getMessage());
            float[] nan = new float[8];
            nan[6] = Float.NaN;
            e = assertThrows(IllegalArgumentException.class, () -> k.multiply(nan, 2));
            assertTrue(e.getMessage().contains("NaN at row 1, column 2"), e.getMessage());
            float[] inf = new float[4];
            inf[0] = Float.NEGATIVE_INFINITY;
            assertThrows(IllegalArgumentException.class, () -> k.multiply(inf, 1));
            assertThrows(IllegalArgumentException.class, () -> k.multiply(new float[8], 2, new float[5]));
            e = assertThrows(IllegalArgumentException.class, () -> k.multiply(new float[8], 2, null));
            assertTrue(e.getMessage().contains("output is null"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> k.bind(new float[8], 2, null), "at bind, not at run");
        }
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.plainJava(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.nd4j(new float[] {Float.NaN}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.fastest(new float[0], 0, 3));
    }

    @Test
    void fastestIsTheVectorKernelWhenTheModuleIsPresent() {
        float[] w = gaussian(6, 1);
        assertEquals(VectorApi.available() ? "vector" : "java", DenseKernel.fastest(w, 2, 3).name());
    }
}
