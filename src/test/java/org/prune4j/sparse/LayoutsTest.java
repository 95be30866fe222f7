package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The vector transposes (register tiles, gathers) against the scalar reference, on ragged sizes. */
class LayoutsTest {
    @Test
    void chunkWidths() {
        assertEquals(16, Layouts.chunkWidth(1, 16));
        assertEquals(16, Layouts.chunkWidth(16, 16));
        assertEquals(32, Layouts.chunkWidth(17, 16));
        assertEquals(64, Layouts.chunkWidth(33, 16));
        assertEquals(64, Layouts.chunkWidth(64, 16));
        assertEquals(128, Layouts.chunkWidth(65, 16));
        assertEquals(128, Layouts.chunkWidth(256, 16));
        assertEquals(4, Layouts.chunks(256, 64));
        assertEquals(2, Layouts.chunks(65, 64));
    }

    @Test
    void goldenChunkedLayout() {
        // x [3 x 2] = rows (1, 2), (3, 4), (5, 6); width 16: feature k's 16 batch slots are contiguous
        float[] dst = new float[2 * 16];
        Layouts.toChunked(new float[] {1, 2, 3, 4, 5, 6}, 3, 2, 16, dst);
        assertArrayEquals(new float[] {1, 3, 5}, java.util.Arrays.copyOfRange(dst, 0, 3));
        assertArrayEquals(new float[] {2, 4, 6}, java.util.Arrays.copyOfRange(dst, 16, 19));
        float[] back = new float[6];
        Layouts.fromChunked(dst, 3, 2, 16, back);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, back);
    }

    @Test
    void vectorTransposesEqualTheScalarOnes() {
        int lanes = VectorSparseOps.L;
        for (int batch : new int[] {1, 15, 16, 17, 32, 40, 64, 100, 256}) {
            for (int features : new int[] {1, 15, 16, 33, 784}) {
                int width = Layouts.chunkWidth(batch, lanes);
                int size = Layouts.chunks(batch, width) * features * width;
                float[] x = SparseFixtures.gaussian(batch * features, batch * 1000L + features);
                float[] ref = new float[size];
                Layouts.toChunked(x, batch, features, width, ref);
                float[] gathered = new float[size];
                assertTrue(VectorSparseOps.toChunked(x, batch, features, width, gathered, 0));
                assertArrayEquals(ref, gathered, batch + " x " + features);
                float[] back = new float[x.length];
                VectorSparseOps.fromChunked(ref, 0, batch, features, width, back);
                assertArrayEquals(x, back);
                if (VectorTranspose.USABLE) {
                    float[] tiled = new float[size];
                    assertTrue(VectorTranspose.toChunked(x, batch, features, width, tiled, 0));
                    assertArrayEquals(ref, tiled, batch + " x " + features);
                    float[] shifted = new float[size + 7];
                    assertTrue(VectorTranspose.toChunked(x, batch, features, width, shifted, 7));
                    assertArrayEquals(ref, java.util.Arrays.copyOfRange(shifted, 7, size + 7));
                    float[] back3 = new float[x.length];
                    VectorTranspose.fromChunked(shifted, 7, batch, features, width, back3);
                    assertArrayEquals(x, back3);
                    float[] back2 = new float[x.length];
                    VectorTranspose.fromChunked(ref, 0, batch, features, width, back2);
                    assertArrayEquals(x, back2);
                }
                float[] bad = x.clone();
                bad[bad.length - 1] = Float.NaN;
                assertFalse(VectorSparseOps.toChunked(bad, batch, features, width, new float[size], 0));
                if (VectorTranspose.USABLE) {
                    assertFalse(VectorTranspose.toChunked(bad, batch, features, width, new float[size], 0));
                    bad[bad.length - 1] = 0;
                    bad[0] = Float.NEGATIVE_INFINITY;
                    assertFalse(VectorTranspose.toChunked(bad, batch, features, width, new float[size], 0));
                }
                float[] nanIn = x.clone();
                nanIn[0] = Float.NaN;
                assertThrows(IllegalArgumentException.class, () -> Layouts.toChunked(nanIn, batch, features, width, new float[size]));
            }
        }
    }

    @Test
    void alignedFloatsHaveRoomAfterTheirOffset() {
        for (int n : new int[] {1, 1000, 300_000}) {
            AlignedFloats a = AlignedFloats.of(n);
            assertTrue(a.offset >= 0 && a.offset < 16);
            assertTrue(a.data.length >= a.offset + n);
        }
    }

    @Test
    void alignedFloatsAreHumongousSoG1PutsThemAtARegionStart() {
        // the test JVM runs G1 (pom.xml names it)
        assertTrue(AlignedFloats.HUMONGOUS_BYTES > 0, "G1 not in use in the test JVM");
        long half = AlignedFloats.HUMONGOUS_BYTES;
        int floatsAtHalf = (int) ((half - sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET) / Float.BYTES);
        // small, just under, exactly at and just over half a region (as an array object), and well over it
        for (int n : new int[] {1, 1000, floatsAtHalf - 20, floatsAtHalf - 12, floatsAtHalf, floatsAtHalf + 1,
                3 * floatsAtHalf}) {
            AlignedFloats a = AlignedFloats.of(n);
            long objectBytes = sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET + (long) Float.BYTES * a.data.length;
            // G1's rule is "larger than half a region": an array of exactly half a region is an ordinary object
            assertTrue(objectBytes > half, n + " floats: an array of " + objectBytes + " bytes is not humongous");
            assertTrue(a.offset > 0 && (sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET + Float.BYTES * a.offset) % 64 == 0);
            assertTrue(a.data.length >= a.offset + n);
        }
    }

    @Test
    void rowsLayoutRoundTrips() {
        float[] x = SparseFixtures.gaussian(7 * 5, 1);
        float[][] rows = new float[5][7];
        Layouts.toRows(x, 7, 5, rows);
        assertEquals(x[3 * 5 + 2], rows[2][3]);
        float[] back = new float[x.length];
        Layouts.fromRows(rows, 7, 5, back);
        assertArrayEquals(x, back);
    }
}
