package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The column-blocked CSR: every block's non-zeros of every row, in row order, block after block. */
class BlockedCsrTest {

    @Test
    void goldenBlocks() {
        // 2 rows x 5 columns, blocks of 2 columns: {0, 1}, {2, 3}, {4}
        float[] w = {1, 0, 2, 3, 0, /* row 1 */ 0, 4, 0, 0, 5};
        BlockedCsr b = new BlockedCsr(CsrMatrix.of(w, 2, 5), 2);
        assertEquals(3, b.blocks);
        assertArrayEquals(new int[] {0, 1, 2}, b.ptr[0]); // row 0: column 0; row 1: column 1
        assertArrayEquals(new int[] {2, 4, 4}, b.ptr[1]); // row 0: columns 2, 3; row 1: none
        assertArrayEquals(new int[] {4, 4, 5}, b.ptr[2]); // row 0: none; row 1: column 4
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, b.colIdx);
        assertArrayEquals(new float[] {1, 4, 2, 3, 5}, b.values);
    }

    @Test
    void agreesWithAScanOfEveryRowPerBlock() {
        for (int blockCols : new int[] {1, 7, 16, 64, 300}) {
            float[] w = SparseFixtures.gaussian(37 * 300, blockCols);
            for (int i = 0; i < w.length; i++) {
                if (i % 3 != 0) {
                    w[i] = 0f;
                }
            }
            CsrMatrix a = CsrMatrix.of(w, 37, 300);
            BlockedCsr b = new BlockedCsr(a, blockCols);
            int p = 0;
            for (int block = 0; block < b.blocks; block++) {
                int c0 = block * b.blockCols;
                for (int r = 0; r < a.rows; r++) {
                    assertEquals(p, b.ptr[block][r], "block " + block + " row " + r);
                    for (int q = a.rowPtr[r]; q < a.rowPtr[r + 1]; q++) {
                        if (a.colIdx[q] >= c0 && a.colIdx[q] < c0 + b.blockCols) {
                            assertEquals(a.colIdx[q], b.colIdx[p]);
                            assertEquals(a.values[q], b.values[p++]);
                        }
                    }
                }
                assertEquals(p, b.ptr[block][a.rows]);
            }
            assertEquals(a.values.length, p);
        }
    }
}
