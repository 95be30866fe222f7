package org.prune4j.sparse;

/**
 * Plain-Java sparse kernels, the fallback when the Vector API is absent: CSR SpMV with four FMA accumulators (which
 * tied the vector kernel on small layers) and an SpMM over the rows layout whose inner loop HotSpot vectorizes.
 * Each kernel optionally adds a bias and applies ReLU before storing, so a network needs no extra pass.
 */
final class JavaSparseOps {
    private JavaSparseOps() {
    }

    /** {@code y[r] = act(row r · x + bias[r])} for rows {@code [r0, r1)}; {@code bias} may be null. */
    static void spmv(CsrMatrix a, float[] x, float[] y, float[] bias, boolean relu, int r0, int r1) {
        int[] ptr = a.rowPtr;
        int[] idx = a.colIdx;
        float[] val = a.values;
        for (int r = r0; r < r1; r++) {
            int p = ptr[r];
            int e = ptr[r + 1];
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            for (int quads = e - ((e - p) & 3); p < quads; p += 4) { // counted: no range checks inside
                s0 = Math.fma(val[p], x[idx[p]], s0);
                s1 = Math.fma(val[p + 1], x[idx[p + 1]], s1);
                s2 = Math.fma(val[p + 2], x[idx[p + 2]], s2);
                s3 = Math.fma(val[p + 3], x[idx[p + 3]], s3);
            }
            for (; p < e; p++) {
                s0 = Math.fma(val[p], x[idx[p]], s0);
            }
            float v = (s0 + s1) + (s2 + s3);
            if (bias != null) {
                v += bias[r];
            }
            y[r] = relu ? Math.max(0f, v) : v;
        }
    }

    /** Rows layout: {@code yT[r] = act(Σ w · xT[c] + bias[r])} for rows {@code [r0, r1)}. */
    static void spmm(CsrMatrix a, float[][] xT, float[][] yT, float[] bias, boolean relu, int r0, int r1) {
        int[] ptr = a.rowPtr;
        int[] idx = a.colIdx;
        float[] val = a.values;
        for (int r = r0; r < r1; r++) {
            float[] acc = yT[r];
            java.util.Arrays.fill(acc, bias == null ? 0f : bias[r]);
            for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                axpy(val[p], xT[idx[p]], acc);
            }
            if (relu) {
                for (int t = 0; t < acc.length; t++) {
                    acc[t] = Math.max(0f, acc[t]);
                }
            }
        }
    }

    private static void axpy(float w, float[] x, float[] acc) {
        for (int t = 0; t < acc.length; t++) {
            acc[t] += w * x[t];
        }
    }
}
