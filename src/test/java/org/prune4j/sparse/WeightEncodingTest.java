package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class WeightEncodingTest {
    private static final float[] A = {0, 2, 0, 0, 0, 0, 0, 0, 5, 0, 7, 1}; // [3 x 4], 4 non-zeros

    @Test
    void exactByteCounts() {
        CsrMatrix m = CsrMatrix.of(A, 3, 4);
        assertEquals(48, WeightEncoding.denseFp32().encode(m).length);
        assertEquals(4 * 4 + 4 * (4 + 4), WeightEncoding.csr(32, false).encode(m).length);
        assertEquals(4 * 4 + 4 * (2 + 4), WeightEncoding.csr(16, false).encode(m).length);
        assertEquals(4 * 4 + 4 * (2 + 2), WeightEncoding.csr(16, true).encode(m).length);
    }

    @Test
    void relativeIndexingGolden() {
        // 1 x 40, non-zeros at 0, 3 and 30; 3-bit gaps (at most 7): 30 - 3 - 1 = 26 zeros need 3 fillers
        // (each skips 7 zeros and stores one zero: 8 positions) and then a gap of 2.
        float[] d = new float[40];
        d[0] = 1;
        d[3] = -2;
        d[30] = 0.5f;
        CsrMatrix m = CsrMatrix.of(d, 1, 40);
        byte[] bytes = WeightEncoding.relative(3).encode(m);
        assertEquals(6, java.nio.ByteBuffer.wrap(bytes).getInt(), "3 entries + 3 fillers");
        assertEquals(4 + (6 * (3 + 16) + 7) / 8, bytes.length);
        BitStream.Reader r = new BitStream.Reader(bytes, 4);
        int[] gaps = new int[6];
        int[] values = new int[6];
        for (int i = 0; i < 6; i++) {
            gaps[i] = r.read(3);
            values[i] = r.read(16);
        }
        assertArrayEquals(new int[] {0, 2, 7, 7, 7, 2}, gaps);
        assertArrayEquals(new int[] {0x3c00, 0xc000, 0, 0, 0, 0x3800}, values);
        assertEquals(m, WeightEncoding.relative(3).decode(bytes, 1, 40));
    }

    @Test
    void everyEncodingRoundTrips() {
        float[] w = SparseFixtures.magnitudePruned(SparseFixtures.gaussian(300 * 100, 9), 0.9);
        for (int i = 0; i < w.length; i++) {
            w[i] *= 0.05f;
        }
        CsrMatrix m = CsrMatrix.ofWeights(w, 300, 100);
        for (WeightEncoding e : WeightEncoding.standard()) {
            CsrMatrix back = e.decode(e.encode(m), m.rows(), m.cols());
            assertEquals(e.getClass(), WeightEncoding.named(e.name()).getClass(), e.name());
            assertEquals(e.name(), WeightEncoding.named(e.name()).name());
            if (e.lossless()) {
                assertEquals(m, back, e.name());
            } else if (e.name().endsWith("fp16")) {
                float[] d = m.toDense();
                float[] b = back.toDense();
                for (int i = 0; i < d.length; i++) {
                    assertEquals(Half.round(d[i]), b[i], 0f, e.name());
                }
            } else {
                // weight sharing: the same positions, each value within the widest cluster of the codebook
                assertArrayEquals(m.rowPointers(), back.rowPointers(), e.name());
                assertArrayEquals(m.columnIndices(), back.columnIndices(), e.name());
                int codes = (1 << Integer.parseInt(e.name().substring(e.name().lastIndexOf('k') + 1))) - 1;
                float[] v = m.values();
                float range = 0.05f * 8;
                float[] got = back.values();
                for (int i = 0; i < v.length; i++) {
                    assertTrue(Math.abs(v[i] - got[i]) < range / codes * 2, e.name() + " " + v[i] + " -> " + got[i]);
                }
            }
        }
    }

    @Test
    void codebookFindsClusters() {
        float[] v = new float[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 3 - 1) * 0.5f + (i % 7) * 1e-4f; // around -0.5, 0, 0.5
        }
        Codebook c = Codebook.fit(v, 3);
        assertEquals(-0.5, c.centroids[0], 1e-3);
        assertEquals(0.0, c.centroids[1], 1e-3);
        assertEquals(0.5, c.centroids[2], 1e-3);
        assertEquals(2, c.nearest(0.3f));
    }

    @Test
    void badDataIsRejected() {
        CsrMatrix m = CsrMatrix.of(A, 3, 4);
        for (WeightEncoding e : WeightEncoding.standard()) {
            byte[] bytes = e.encode(m);
            assertThrows(IllegalArgumentException.class, () -> e.decode(Arrays.copyOf(bytes, bytes.length - 1), 3, 4), e.name());
        }
        assertThrows(EncodingLimitException.class, () -> WeightEncoding.csr(16, false).encode(CsrMatrix.of(new float[70000], 1, 70000)));
        assertThrows(EncodingLimitException.class, () -> WeightEncoding.relative(5).encode(CsrMatrix.of(new float[] {1e6f}, 1, 1)));
        assertThrows(EncodingLimitException.class, () -> WeightEncoding.csr(16, true).encode(CsrMatrix.of(new float[] {1e6f}, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> WeightEncoding.named("zip"));
        assertThrows(IllegalArgumentException.class, () -> WeightEncoding.relative(0));
        byte[] bad = WeightEncoding.csr(32, false).encode(m);
        bad[4 * 4 + 3] = 9; // first column index 9 >= 4 columns
        assertThrows(IllegalArgumentException.class, () -> WeightEncoding.csr(32, false).decode(bad, 3, 4));
    }

    @Test
    void bitStreamRoundTrips() {
        BitStream.Writer w = new BitStream.Writer();
        int[] widths = {1, 5, 16, 32, 3, 7, 12};
        int[] values = {1, 17, 0xbeef, 0xdeadbeef, 5, 100, 4095};
        for (int i = 0; i < widths.length; i++) {
            w.write(values[i], widths[i]);
        }
        byte[] b = w.toBytes();
        assertEquals((1 + 5 + 16 + 32 + 3 + 7 + 12 + 7) / 8, b.length);
        BitStream.Reader r = new BitStream.Reader(b, 0);
        for (int i = 0; i < widths.length; i++) {
            assertEquals(values[i], r.read(widths[i]));
        }
        assertThrows(IllegalArgumentException.class, () -> w.write(8, 3));
    }

    @Test
    void weightsBelowHalfPrecisionAreDroppedNotKeptAsZeros() {
        CsrMatrix m = CsrMatrix.of(new float[] {1e-9f, 0.5f, -1e-9f}, 1, 3);
        for (WeightEncoding e : new WeightEncoding[] {WeightEncoding.csr(16, true), WeightEncoding.csr(32, true),
                WeightEncoding.relative(5)}) {
            CsrMatrix back = e.decode(e.encode(m), 1, 3);
            assertEquals(1, back.nonZeros(), e.name());
            assertArrayEquals(new float[] {0, 0.5f, 0}, back.toDense(), e.name());
        }
    }
}
