package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsrMatrixTest {
    // [3 x 4]:
    //  0 2 0 0
    //  0 0 0 0
    //  5 0 7 1
    private static final float[] A = {0, 2, 0, 0, 0, 0, 0, 0, 5, 0, 7, 1};

    @Test
    void goldenCsr() {
        CsrMatrix m = CsrMatrix.of(A, 3, 4);
        assertArrayEquals(new int[] {0, 1, 1, 4}, m.rowPointers());
        assertArrayEquals(new int[] {1, 0, 2, 3}, m.columnIndices());
        assertArrayEquals(new float[] {2, 5, 7, 1}, m.values());
        assertEquals(4, m.nonZeros());
        assertEquals(4.0 / 12, m.density(), 1e-12);
        assertArrayEquals(A, m.toDense());
    }

    @Test
    void weightsAreStoredTransposedOneRowPerOutput() {
        // W [in=3 x out=4] is A itself read as weights: output j's row holds column j of A.
        CsrMatrix m = CsrMatrix.ofWeights(A, 3, 4);
        assertEquals(4, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, m.rowPointers());
        assertArrayEquals(new int[] {2, 0, 2, 2}, m.columnIndices());
        assertArrayEquals(new float[] {5, 2, 7, 1}, m.values());
        assertArrayEquals(A, m.toDenseTransposed());
        assertEquals(CsrMatrix.of(m.toDense(), 4, 3), m);
    }

    @Test
    void renumberingColumnsKeepsRowsSorted() {
        CsrMatrix m = CsrMatrix.of(A, 3, 4).renumberColumns(new int[] {3, 2, 1, 0});
        assertArrayEquals(new int[] {2, 0, 1, 3}, m.columnIndices());
        assertArrayEquals(new float[] {2, 1, 7, 5}, m.values());
    }

    @Test
    void sellSlicesAreSortedColumnMajorAndPadded() {
        // rows by length: row 2 (3), row 0 (1), row 1 (0); slice height 2 -> slices {2, 0} and {1, pad}
        SellMatrix s = SellMatrix.of(CsrMatrix.of(A, 3, 4), 2);
        assertEquals(4, s.paddedRows());
        assertEquals(2, s.rowAt(0));
        assertEquals(0, s.rowAt(1));
        assertEquals(1, s.rowAt(2));
        assertEquals(-1, s.rowAt(3));
        assertArrayEquals(new float[] {5, 2, 7, 0, 1, 0}, s.values);
        assertArrayEquals(new int[] {0, 1, 2, 1, 3, 1}, s.colIdx); // padding repeats the row's last column
        assertArrayEquals(new int[] {0, 6, 6}, s.sliceOffset);
        float[] y = new float[4];
        s.multiply(new float[] {1, 10, 100, 1000}, y);
        assertArrayEquals(new float[] {1705, 20, 0, 0}, y);
    }

    @Test
    void rejectsBadShapesAndValues() {
        assertThrows(IllegalArgumentException.class, () -> CsrMatrix.of(A, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> CsrMatrix.of(new float[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CsrMatrix.of(new float[] {Float.NaN}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SellMatrix.of(CsrMatrix.of(A, 3, 4), 0));
    }
}
