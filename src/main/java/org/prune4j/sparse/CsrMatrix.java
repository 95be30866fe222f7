package org.prune4j.sparse;

import java.util.Arrays;

import org.prune4j.nn.DenseLayer;

/**
 * A float32 matrix in compressed sparse row form: the non-zeros of each row in column order, with their column
 * indices (int32) and a row-pointer array of {@code rows + 1} entries.
 *
 * <p>A layer's weights {@code W [in × out]} are stored transposed, one row per output neuron holding its incoming
 * weights ({@link #ofWeights}), so that a row times the input is one output — the orientation of every sparse
 * kernel here. Instances are immutable.
 */
public final class CsrMatrix {
    final int rows;
    final int cols;
    final int[] rowPtr;
    final int[] colIdx;
    final float[] values;

    CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    /**
     * @param dense row-major {@code [rows × cols]} values; exact zeros are dropped
     * @param rows  rows
     * @param cols  columns
     * @return the matrix
     * @throws IllegalArgumentException if the sizes do not match or a value is not finite
     */
    public static CsrMatrix of(float[] dense, int rows, int cols) {
        check(dense, rows, cols);
        int nnz = 0;
        for (float v : dense) {
            if (v != 0f) {
                nnz++;
            }
        }
        int[] ptr = new int[rows + 1];
        int[] idx = new int[nnz];
        float[] val = new float[nnz];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                float v = dense[o + c];
                if (v != 0f) {
                    idx[p] = c;
                    val[p++] = v;
                }
            }
            ptr[r + 1] = p;
        }
        return new CsrMatrix(rows, cols, ptr, idx, val);
    }

    /**
     * The transpose of a layer's weights: {@code [out × in]}, row {@code j} = incoming weights of output {@code j}.
     *
     * @param w   {@code [in × out]} row-major weights, as {@link DenseLayer#weightArray()}
     * @param in  inputs
     * @param out outputs
     * @return the CSR of {@code Wᵀ}
     */
    public static CsrMatrix ofWeights(float[] w, int in, int out) {
        check(w, in, out);
        int[] count = new int[out];
        for (int k = 0; k < in; k++) {
            for (int j = 0; j < out; j++) {
                if (w[k * out + j] != 0f) {
                    count[j]++;
                }
            }
        }
        int[] ptr = new int[out + 1];
        for (int j = 0; j < out; j++) {
            ptr[j + 1] = ptr[j] + count[j];
        }
        int[] next = Arrays.copyOf(ptr, out);
        int[] idx = new int[ptr[out]];
        float[] val = new float[ptr[out]];
        for (int k = 0; k < in; k++) {
            for (int j = 0; j < out; j++) {
                float v = w[k * out + j];
                if (v != 0f) {
                    int p = next[j]++;
                    idx[p] = k;
                    val[p] = v;
                }
            }
        }
        return new CsrMatrix(out, in, ptr, idx, val);
    }

    /**
     * @param layer a (pruned) layer
     * @return the CSR of its transposed weights, {@code [out × in]}
     */
    public static CsrMatrix ofLayer(DenseLayer layer) {
        return ofWeights(layer.weightArray(), layer.inputs(), layer.outputs());
    }

    private static void check(float[] dense, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least 1 x 1 entries, got " + rows + " x " + cols);
        }
        if (dense == null || (long) rows * cols != dense.length) {
            throw new IllegalArgumentException("expected " + rows + " x " + cols + " values, got "
                    + (dense == null ? "null" : dense.length));
        }
        for (float v : dense) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("matrix holds " + v + "; values must be finite");
            }
        }
    }

    /** @return number of rows */
    public int rows() {
        return rows;
    }

    /** @return number of columns */
    public int cols() {
        return cols;
    }

    /** @return number of stored (non-zero) entries */
    public int nonZeros() {
        return values.length;
    }

    /** @return non-zeros / (rows × cols) */
    public double density() {
        return (double) values.length / ((long) rows * cols);
    }

    /** @return 1 − density */
    public double sparsity() {
        return 1 - density();
    }

    /** @return a copy of the row pointers ({@code rows + 1} entries) */
    public int[] rowPointers() {
        return rowPtr.clone();
    }

    /** @return a copy of the column indices */
    public int[] columnIndices() {
        return colIdx.clone();
    }

    /** @return a copy of the values */
    public float[] values() {
        return values.clone();
    }

    /**
     * @param row a row
     * @return its number of non-zeros
     */
    public int rowNonZeros(int row) {
        return rowPtr[row + 1] - rowPtr[row];
    }

    /** @return the dense row-major {@code [rows × cols]} matrix */
    public float[] toDense() {
        float[] d = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
                d[r * cols + colIdx[p]] = values[p];
            }
        }
        return d;
    }

    /** @return the transpose as row-major {@code [cols × rows]} — for a layer's CSR, its weights {@code [in × out]} */
    public float[] toDenseTransposed() {
        float[] d = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
                d[colIdx[p] * rows + r] = values[p];
            }
        }
        return d;
    }

    /**
     * The same matrix with columns renumbered: column {@code c} becomes {@code newIndex[c]}.
     *
     * @param newIndex a permutation of {@code [0, cols)}
     * @return the renumbered matrix (rows keep their column order sorted)
     */
    CsrMatrix renumberColumns(int[] newIndex) {
        int[] idx = new int[colIdx.length];
        float[] val = new float[values.length];
        for (int r = 0; r < rows; r++) {
            int from = rowPtr[r];
            int to = rowPtr[r + 1];
            long[] keyed = new long[to - from];
            for (int p = from; p < to; p++) {
                keyed[p - from] = ((long) newIndex[colIdx[p]] << 32) | (p - from);
            }
            Arrays.sort(keyed);
            for (int i = 0; i < keyed.length; i++) {
                idx[from + i] = (int) (keyed[i] >>> 32);
                val[from + i] = values[from + (int) keyed[i]];
            }
        }
        return new CsrMatrix(rows, cols, rowPtr, idx, val);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsrMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(rowPtr, m.rowPtr)
                && Arrays.equals(colIdx, m.colIdx) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return String.format("CSR %d x %d, %d non-zeros (%.2f %% dense)", rows, cols, values.length, 100 * density());
    }
}
