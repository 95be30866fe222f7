package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.prune4j.nn.Activation;

/** Both kernels, every batch path (SpMV, SpMM with 1, 2 and 4 vectors per chunk, partial chunks), vs double math. */
class SparseKernelsTest {

    static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])) * 10, what + " at " + i);
        }
    }

    @Test
    void productsMatchTheDenseReference() {
        int[][] shapes = {{7, 3}, {37, 17}, {300, 100}, {784, 300}, {50, 1}, {1, 40}};
        double[] sparsities = {0, 0.5, 0.9, 0.99, 1};
        int[] batches = {1, 2, 15, 16, 17, 32, 33, 64, 65, 100};
        for (int[] s : shapes) {
            float[] dense = SparseFixtures.gaussian(s[0] * s[1], s[0] + 7L * s[1]);
            for (double sp : sparsities) {
                float[] w = SparseFixtures.magnitudePruned(dense, sp);
                for (SparseKernel k : SparseKernel.values()) {
                    SparseLayer layer = SparseLayer.ofWeights(w, s[0], s[1], k);
                    for (int b : batches) {
                        float[] x = SparseFixtures.gaussian(b * s[0], b * 13L + s[0]);
                        double[] ref = SparseFixtures.reference(x, b, w, s[0], s[1]);
                        assertClose(ref, layer.multiply(x, b), k + " " + s[0] + "x" + s[1] + " s=" + sp + " b=" + b);
                    }
                }
            }
        }
    }

    @Test
    void theTimedCallComputesTheProduct() {
        // what Timing measures, into NaNs (a value left unwritten fails), run twice as timing does
        float[] w = SparseFixtures.magnitudePruned(SparseFixtures.gaussian(784 * 300, 5), 0.9);
        for (SparseKernel k : SparseKernel.values()) {
            SparseLayer layer = SparseLayer.ofWeights(w, 784, 300, k);
            for (int b : new int[] {1, 3, 32, 256}) {
                float[] x = SparseFixtures.gaussian(b * 784, b);
                float[] y = new float[b * 300];
                Arrays.fill(y, Float.NaN);
                Runnable call = layer.bind(x, b, y);
                call.run();
                call.run();
                assertClose(SparseFixtures.reference(x, b, w, 784, 300), y, k + " b=" + b);
            }
        }
    }

    @Test
    void bigProductsSplitOverCoresAgree() {
        float[] w = SparseFixtures.magnitudePruned(SparseFixtures.gaussian(2000 * 700, 3), 0.6);
        for (SparseKernel k : SparseKernel.values()) {
            SparseLayer layer = SparseLayer.ofWeights(w, 2000, 700, k);
            for (int b : new int[] {1, 48, 256}) {
                float[] x = SparseFixtures.gaussian(b * 2000, b);
                assertClose(SparseFixtures.reference(x, b, w, 2000, 700), layer.multiply(x, b), k + " b=" + b);
            }
        }
    }

    @Test
    void columnIndicesAboveSixteenBitsSignedAndUnsigned() {
        // 40000: indices past 32767 (16-bit, read unsigned); 65536: the largest 16-bit case; 70000: 32-bit indices
        for (int in : new int[] {40000, 65536, 70000}) {
            float[] w = SparseFixtures.magnitudePruned(SparseFixtures.gaussian(in * 20, in), 0.97);
            for (int i = (in - 1) * 20; i < in * 20; i++) {
                w[i] = 1.5f; // the last input feeds every output
            }
            for (SparseKernel k : SparseKernel.values()) {
                SparseLayer layer = SparseLayer.ofWeights(w, in, 20, k);
                for (int b : new int[] {1, 3}) {
                    float[] x = SparseFixtures.gaussian(b * in, b + 5L);
                    assertClose(SparseFixtures.reference(x, b, w, in, 20), layer.multiply(x, b), k + " in=" + in + " b=" + b);
                }
            }
        }
    }

    @Test
    void sixteenBitIndicesGiveTheSameSpmvAsInts() {
        // Small matrices keep int indices; forcing 16-bit ones exercises the kernels big matrices use (both SpMVs:
        // SELL-16 with gathers, scalar SELL-8).
        for (SparseKernel k : SparseKernel.values()) {
            int height = k == SparseKernel.VECTOR ? VectorSparseOps.L : JavaSparseOps.SLICE;
            for (int in : new int[] {300, 40000, 65536}) {
                float[] w = SparseFixtures.magnitudePruned(SparseFixtures.gaussian(in * 20, in + 1L), 0.9);
                CsrMatrix csr = CsrMatrix.ofWeights(w, in, 20);
                SellMatrix ints = SellMatrix.of(csr, height);
                SellMatrix shorts = SellMatrix.of(csr, height, 0);
                assertTrue(ints.colIdx16 == null && shorts.colIdx16 != null, "index widths for in=" + in);
                float[] x = SparseFixtures.gaussian(in, 9);
                double[] ref = SparseFixtures.reference(x, 1, w, in, 20);
                float[] a = new float[ints.paddedRows()];
                float[] b = new float[shorts.paddedRows()];
                spmv(k, ints, x, a);
                spmv(k, shorts, x, b);
                assertArrayEquals(a, b, k + " in=" + in);
                for (int i = 0; i < ints.rows(); i++) {
                    int row = ints.rowAt(i);
                    double magnitude = 0; // float rounding grows with the sum of |terms| (4000 per row at in=40000)
                    for (int c = 0; c < in; c++) {
                        magnitude += Math.abs((double) w[c * 20 + row] * x[c]);
                    }
                    assertEquals(ref[row], a[i], 1e-6 * magnitude, k + " in=" + in + " row " + row);
                }
            }
        }
    }

    private static void spmv(SparseKernel k, SellMatrix s, float[] x, float[] y) {
        if (k == SparseKernel.VECTOR) {
            VectorSparseOps.spmv(s, x, y, null, false, 0, s.slices);
        } else {
            JavaSparseOps.spmv(s, x, y, null, false, 0, s.slices);
        }
    }

    @Test
    void theGatherAndScalarSpmvsAgreeToTheBit() {
        // Gathers.FAST picks one of them per CPU for the VECTOR kernel: only the speed may differ, so every output
        // must be the same float, with and without bias and ReLU, with int and 16-bit indices.
        assertTrue(org.prune4j.dense.VectorApi.available(), "the test JVM runs with the Vector API (see pom.xml)");
        int[][] shapes = {{37, 17}, {300, 100}, {784, 300}, {5, 40}};
        for (int[] shape : shapes) {
            int in = shape[0];
            int out = shape[1];
            for (double sparsity : new double[] {0, 0.5, 0.9, 0.99}) {
                float[] w = SparseFixtures.magnitudePruned(SparseFixtures.gaussian(in * out, in + 31L * out), sparsity);
                CsrMatrix csr = CsrMatrix.ofWeights(w, in, out);
                float[] x = SparseFixtures.gaussian(in, 3);
                float[] bias = SparseFixtures.gaussian(out, 4);
                for (int shortIndexEntries : new int[] {SellMatrix.SHORT_INDEX_ENTRIES, 0}) {
                    SellMatrix gathered = SellMatrix.of(csr, VectorSparseOps.L, shortIndexEntries);
                    SellMatrix scalar = SellMatrix.of(csr, JavaSparseOps.SLICE, shortIndexEntries);
                    for (boolean affine : new boolean[] {false, true}) {
                        float[] g = new float[gathered.paddedRows()];
                        float[] j = new float[scalar.paddedRows()];
                        VectorSparseOps.spmv(gathered, x, g, affine ? inOrder(gathered, bias) : null, affine, 0,
                                gathered.slices);
                        JavaSparseOps.spmv(scalar, x, j, affine ? inOrder(scalar, bias) : null, affine, 0,
                                scalar.slices);
                        String what = in + "x" + out + " s=" + sparsity + (shortIndexEntries == 0 ? " 16-bit" : "")
                                + (affine ? " bias+relu" : "");
                        for (int pos = 0; pos < out; pos++) {
                            assertEquals(gathered.rowAt(pos), scalar.rowAt(pos), "same row order " + what);
                            assertEquals(Float.floatToRawIntBits(j[pos]), Float.floatToRawIntBits(g[pos]),
                                    what + " row " + gathered.rowAt(pos) + ": " + j[pos] + " vs " + g[pos]);
                        }
                    }
                }
            }
        }
    }

    private static float[] inOrder(SellMatrix s, float[] bias) {
        float[] b = new float[s.paddedRows()];
        for (int pos = 0; pos < s.rows(); pos++) {
            b[pos] = bias[s.rowAt(pos)];
        }
        return b;
    }

    @Test
    void theScalarSpmvTakesSlicesOfEight() {
        SellMatrix sixteen = SellMatrix.of(CsrMatrix.ofWeights(new float[] {1, 2, 3, 4}, 2, 2), 16);
        assertThrows(IllegalArgumentException.class,
                () -> JavaSparseOps.spmv(sixteen, new float[2], new float[16], null, false, 0, 1));
    }

    @Test
    void finitenessChecksCatchEveryNonFiniteValueAndNoFiniteOne() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0xffc00001)};
        for (int n = 1; n <= 40; n++) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = i % 4 == 0 ? Float.MAX_VALUE : i % 4 == 1 ? -Float.MAX_VALUE : i % 4 == 2 ? -0f : Float.MIN_VALUE;
            }
            assertTrue(org.prune4j.dense.InputCheck.isFinite(x), "scalar, finite n=" + n);
            assertTrue(VectorSparseOps.isFinite(x), "vector, finite n=" + n);
            for (int i = 0; i < n; i++) {
                for (float v : bad) {
                    float keep = x[i];
                    x[i] = v;
                    assertFalse(org.prune4j.dense.InputCheck.isFinite(x), "scalar " + v + " at " + i + " of " + n);
                    assertFalse(VectorSparseOps.isFinite(x), "vector " + v + " at " + i + " of " + n);
                    x[i] = keep;
                }
            }
        }
    }

    @Test
    void forwardAddsBiasAndAppliesRelu() {
        float[] w = {1, -1, 2, 0.5f}; // [2 x 2]
        SparseLayer base = SparseLayer.ofWeights(w, 2, 2, SparseKernel.JAVA);
        for (SparseKernel k : SparseKernel.values()) {
            SparseLayer l = new SparseLayer("fc", base.csr(), new float[] {0.5f, -10}, Activation.RELU, k);
            // x = [1, 1]: z = [3, -0.5] + [0.5, -10] -> relu [3.5, 0]; x = [-1, 0]: z = [-1, 1] + b -> [0, 0]
            float[] y = l.forward(new float[] {1, 1, -1, 0}, 2);
            assertEquals("[3.5, 0.0, 0.0, 0.0]", Arrays.toString(y), k.toString());
            for (int b : new int[] {1, 40}) {
                float[] x = SparseFixtures.gaussian(2 * b, 5);
                float[] z = l.forward(x, b);
                for (int r = 0; r < b; r++) {
                    double z0 = Math.max(0, x[2 * r] * 1.0 + x[2 * r + 1] * 2.0 + 0.5);
                    double z1 = Math.max(0, x[2 * r] * -1.0 + x[2 * r + 1] * 0.5 - 10);
                    assertEquals(z0, z[2 * r], 1e-6);
                    assertEquals(z1, z[2 * r + 1], 1e-6);
                }
            }
        }
    }

    @Test
    void badInputIsRejectedClearly() {
        for (SparseKernel k : SparseKernel.values()) {
            SparseLayer l = SparseLayer.ofWeights(SparseFixtures.gaussian(12, 1), 4, 3, k);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.multiply(new float[0], 0));
            assertTrue(e.getMessage().contains("batch must be at least 1"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> l.multiply(new float[0], -1));
            assertTrue(e.getMessage().contains("batch must be at least 1"), e.getMessage());
            SparseLayer wide = SparseLayer.ofWeights(SparseFixtures.gaussian(4096, 1), 1, 4096, k);
            e = assertThrows(IllegalArgumentException.class, () -> wide.multiply(new float[600_000], 600_000));
            assertTrue(e.getMessage().contains("do not fit in one Java array"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> l.multiply(new float[9], 2));
            assertTrue(e.getMessage().contains("expected batch 2 x 4"), e.getMessage());
            for (int b : new int[] {1, 3, 40}) {
                float[] x = new float[b * 4];
                x[x.length - 2] = Float.NaN;
                e = assertThrows(IllegalArgumentException.class, () -> l.multiply(x, b));
                assertTrue(e.getMessage().contains("NaN at row " + (b - 1) + ", column 2"), e.getMessage());
                float[] inf = new float[b * 4];
                inf[1] = Float.POSITIVE_INFINITY;
                assertThrows(IllegalArgumentException.class, () -> l.bind(inf, b));
            }
        }
    }
}
