package org.prune4j.sparse;

/**
 * CSR cut into column blocks for the batched kernels: the non-zeros of block {@code b} of row {@code r} are
 * {@code [ptr[b][r], ptr[b][r + 1])}, so that the activations of one block of inputs stay in L1 while every row
 * consumes them. Column indices are absolute.
 */
final class BlockedCsr {
    final int rows;
    final int cols;
    final int blockCols;
    final int blocks;
    final int[][] ptr;
    final int[] colIdx;
    final float[] values;
    /** Prefix sums of non-zeros per row, to split rows between cores evenly by work. */
    final long[] rowWork;

    BlockedCsr(CsrMatrix a, int blockCols) {
        this.rows = a.rows;
        this.cols = a.cols;
        this.blockCols = Math.max(1, Math.min(blockCols, a.cols));
        this.blocks = (cols + this.blockCols - 1) / this.blockCols;
        ptr = new int[blocks][rows + 1];
        colIdx = new int[a.colIdx.length];
        values = new float[a.values.length];
        // one pass to count each row's non-zeros per block, one to place them (a scan of every row per block
        // took blocks x non-zeros steps: 750 million for 4096 x 4096 at 30 % in 64 blocks)
        for (int r = 0; r < rows; r++) {
            for (int q = a.rowPtr[r]; q < a.rowPtr[r + 1]; q++) {
                ptr[a.colIdx[q] / this.blockCols][r]++;
            }
        }
        int p = 0;
        for (int b = 0; b < blocks; b++) {
            for (int r = 0; r < rows; r++) {
                int count = ptr[b][r];
                ptr[b][r] = p;
                p += count;
            }
            ptr[b][rows] = p;
        }
        int[] next = new int[blocks];
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < blocks; b++) {
                next[b] = ptr[b][r];
            }
            for (int q = a.rowPtr[r]; q < a.rowPtr[r + 1]; q++) {
                int at = next[a.colIdx[q] / this.blockCols]++;
                colIdx[at] = a.colIdx[q];
                values[at] = a.values[q];
            }
        }
        rowWork = new long[rows + 1];
        for (int r = 0; r < rows; r++) {
            rowWork[r + 1] = rowWork[r] + a.rowNonZeros(r) + blocks;
        }
    }

    /**
     * @param part  a part
     * @param parts number of parts
     * @return the first row of that part when rows are split evenly by non-zeros
     */
    int splitRow(int part, int parts) {
        if (part <= 0) {
            return 0;
        }
        if (part >= parts) {
            return rows;
        }
        long target = rowWork[rows] * part / parts;
        int lo = 0;
        int hi = rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rowWork[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
