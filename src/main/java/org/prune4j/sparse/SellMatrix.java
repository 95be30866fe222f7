package org.prune4j.sparse;

import java.util.Arrays;

/**
 * SELL-C-σ (Kreutzer et al. 2014) with σ = all rows: rows sorted by non-zero count (longest first) and cut into
 * slices of {@code C} rows; each slice is stored column-major and padded to its longest row, so that one vector
 * instruction handles the k-th non-zero of {@code C} rows at once (a gather from the input), or, in plain Java, C
 * scalar accumulators do with one loop exit per slice.
 *
 * <p>Output {@code i} of a product is row {@link #rowAt(int) rowAt(i)} of the original matrix: kernels write in
 * slice order and the caller either maps back or, inside a network, renumbers the next layer's columns instead.
 * Padding entries have value 0 and repeat a valid column index, so they read memory that is already cached.
 */
public final class SellMatrix {
    final int rows;
    final int cols;
    final int height;
    final int slices;
    /** Original row of each sorted position; positions past {@code rows} (last slice's padding) hold -1. */
    final int[] order;
    final int[] sliceOffset;
    final int[] sliceWidth;
    final int[] colIdx;
    /**
     * The column indices as unsigned 16-bit values for a matrix beyond L2 with at most 65536 columns (else null): a
     * big SpMV streams its matrix from L3 or memory, and 6 bytes per entry instead of 8 is a quarter less to read.
     * A cache-resident one is bound by its gathers instead, and widening the indices costs more than it saves
     * (measured 300 x 100 at 90 %: 1.10 µs with 16-bit indices, 0.95 µs with ints; 784 x 300 at 50 %: 41 vs 38 µs).
     */
    final short[] colIdx16;
    final float[] values;
    /** Stored entries above which 16-bit indices pay: 2^18 entries are 2 MB of ints and floats, an L2 or more. */
    static final int SHORT_INDEX_ENTRIES = 1 << 18;

    private SellMatrix(CsrMatrix a, int height, int shortIndexEntries) {
        this.rows = a.rows;
        this.cols = a.cols;
        this.height = height;
        this.slices = (rows + height - 1) / height;
        Integer[] sorted = new Integer[rows];
        for (int r = 0; r < rows; r++) {
            sorted[r] = r;
        }
        // Stable sort by descending length: equal-length rows keep their order.
        Arrays.sort(sorted, (x, y) -> Integer.compare(a.rowNonZeros(y), a.rowNonZeros(x)));
        order = new int[slices * height];
        Arrays.fill(order, -1);
        for (int i = 0; i < rows; i++) {
            order[i] = sorted[i];
        }
        sliceOffset = new int[slices + 1];
        sliceWidth = new int[slices];
        for (int s = 0; s < slices; s++) {
            int w = 0;
            for (int i = s * height; i < (s + 1) * height && order[i] >= 0; i++) {
                w = Math.max(w, a.rowNonZeros(order[i]));
            }
            sliceWidth[s] = w;
            sliceOffset[s + 1] = sliceOffset[s] + w * height;
        }
        colIdx = new int[sliceOffset[slices]];
        values = new float[sliceOffset[slices]];
        colIdx16 = cols <= 1 << 16 && colIdx.length > shortIndexEntries ? new short[colIdx.length] : null;
        for (int s = 0; s < slices; s++) {
            for (int lane = 0; lane < height; lane++) {
                int r = order[s * height + lane];
                int from = r < 0 ? 0 : a.rowPtr[r];
                int n = r < 0 ? 0 : a.rowNonZeros(r);
                int last = n > 0 ? a.colIdx[from + n - 1] : 0;
                for (int k = 0; k < sliceWidth[s]; k++) {
                    int p = sliceOffset[s] + k * height + lane;
                    if (k < n) {
                        colIdx[p] = a.colIdx[from + k];
                        values[p] = a.values[from + k];
                    } else {
                        colIdx[p] = last;
                    }
                    if (colIdx16 != null) {
                        colIdx16[p] = (short) colIdx[p];
                    }
                }
            }
        }
    }

    /**
     * @param a      the matrix
     * @param height rows per slice (the kernels use the vector length, 16 floats on AVX-512)
     * @return its SELL-C-σ form
     */
    public static SellMatrix of(CsrMatrix a, int height) {
        return of(a, height, SHORT_INDEX_ENTRIES);
    }

    /**
     * @param shortIndexEntries stored entries above which column indices are also kept as 16-bit values (tests
     *                          pass 0 to exercise that kernel on small matrices)
     */
    static SellMatrix of(CsrMatrix a, int height, int shortIndexEntries) {
        if (height < 1) {
            throw new IllegalArgumentException("slice height must be positive, got " + height);
        }
        return new SellMatrix(a, height, shortIndexEntries);
    }

    /** @return rows of the original matrix */
    public int rows() {
        return rows;
    }

    /** @return columns */
    public int cols() {
        return cols;
    }

    /** @return rows per slice */
    public int sliceHeight() {
        return height;
    }

    /** @return rows padded to whole slices: the length of a product's output */
    public int paddedRows() {
        return slices * height;
    }

    /**
     * @param position an output position of a product
     * @return the original row computed there, or -1 for padding
     */
    public int rowAt(int position) {
        return order[position];
    }

    /** @return stored entries including padding */
    public int storedEntries() {
        return values.length;
    }

    /** @return padding entries / non-zeros (0 when every slice has rows of equal length) */
    public double paddingOverhead() {
        int nnz = 0;
        for (float v : values) {
            if (v != 0f) {
                nnz++;
            }
        }
        return nnz == 0 ? 0 : (double) (values.length - nnz) / nnz;
    }

    /**
     * Scalar reference product in slice order.
     *
     * @param x input of length {@link #cols()}
     * @param y output of length {@link #paddedRows()}, position {@code i} = row {@link #rowAt(int) rowAt(i)}
     */
    public void multiply(float[] x, float[] y) {
        for (int s = 0; s < slices; s++) {
            for (int lane = 0; lane < height; lane++) {
                float acc = 0;
                for (int k = 0; k < sliceWidth[s]; k++) {
                    int p = sliceOffset[s] + k * height + lane;
                    acc = Math.fma(values[p], x[colIdx[p]], acc);
                }
                y[s * height + lane] = acc;
            }
        }
    }

    @Override
    public String toString() {
        return String.format("SELL-%d %d x %d, %d slices, %.1f %% padding", height, rows, cols, slices,
                100 * paddingOverhead());
    }
}
