package org.prune4j.sparse;

/**
 * Plain-Java sparse kernels, the fallback when the Vector API is absent: a scalar SpMV over SELL-8 slices and an SpMM
 * over the rows layout whose inner loop HotSpot vectorizes. Each kernel optionally adds a bias and applies ReLU before
 * storing, so a network needs no extra pass.
 */
final class JavaSparseOps {
    /**
     * Rows per SELL slice of the scalar SpMV: eight accumulators, one per row of a slice, with one loop exit per
     * slice. CSR with four accumulators per row paid a loop exit per row, mispredicted as often as row lengths vary;
     * one core of the AMD machine, alternating in one JVM, against that CSR loop: 300 x 100 at 90 % 1.02 against 1.32
     * µs, at 95 % 0.54 against 0.87; 784 x 300 at 90 % 7.5 against 8.3, at 95 % 3.8 against 4.7, at 70 % 22.9 against
     * 23.6 (slices of 16 in 16 accumulators: the same on 784 x 300, 10 % slower on 300 x 100, which pads more).
     */
    static final int SLICE = 8;

    private JavaSparseOps() {
    }

    /**
     * {@code y[pos] = act(row · x + bias[pos])} for the rows of slices {@code [s0, s1)}, in slice order (see
     * {@link SellMatrix}); {@code bias} is in slice order too and may be null.
     */
    static void spmv(SellMatrix a, float[] x, float[] y, float[] bias, boolean relu, int s0, int s1) {
        if (a.height != SLICE) {
            throw new IllegalArgumentException("the scalar SpMV takes slices of " + SLICE + " rows, got " + a.height);
        }
        float[] val = a.values;
        int[] idx = a.colIdx;
        short[] idx16 = a.colIdx16;
        int[] offset = a.sliceOffset;
        for (int s = s0; s < s1; s++) {
            int p = offset[s];
            int end = offset[s + 1];
            float c0 = 0f, c1 = 0f, c2 = 0f, c3 = 0f, c4 = 0f, c5 = 0f, c6 = 0f, c7 = 0f;
            if (idx16 == null) {
                for (; p < end; p += SLICE) {
                    c0 = Math.fma(val[p], x[idx[p]], c0);
                    c1 = Math.fma(val[p + 1], x[idx[p + 1]], c1);
                    c2 = Math.fma(val[p + 2], x[idx[p + 2]], c2);
                    c3 = Math.fma(val[p + 3], x[idx[p + 3]], c3);
                    c4 = Math.fma(val[p + 4], x[idx[p + 4]], c4);
                    c5 = Math.fma(val[p + 5], x[idx[p + 5]], c5);
                    c6 = Math.fma(val[p + 6], x[idx[p + 6]], c6);
                    c7 = Math.fma(val[p + 7], x[idx[p + 7]], c7);
                }
            } else {
                // a matrix beyond L2: 6 bytes per entry instead of 8, and the widening is free in a scalar load
                for (; p < end; p += SLICE) {
                    c0 = Math.fma(val[p], x[idx16[p] & 0xffff], c0);
                    c1 = Math.fma(val[p + 1], x[idx16[p + 1] & 0xffff], c1);
                    c2 = Math.fma(val[p + 2], x[idx16[p + 2] & 0xffff], c2);
                    c3 = Math.fma(val[p + 3], x[idx16[p + 3] & 0xffff], c3);
                    c4 = Math.fma(val[p + 4], x[idx16[p + 4] & 0xffff], c4);
                    c5 = Math.fma(val[p + 5], x[idx16[p + 5] & 0xffff], c5);
                    c6 = Math.fma(val[p + 6], x[idx16[p + 6] & 0xffff], c6);
                    c7 = Math.fma(val[p + 7], x[idx16[p + 7] & 0xffff], c7);
                }
            }
            int o = s * SLICE;
            if (bias != null) {
                c0 += bias[o];
                c1 += bias[o + 1];
                c2 += bias[o + 2];
                c3 += bias[o + 3];
                c4 += bias[o + 4];
                c5 += bias[o + 5];
                c6 += bias[o + 6];
                c7 += bias[o + 7];
            }
            if (relu) {
                c0 = Math.max(0f, c0);
                c1 = Math.max(0f, c1);
                c2 = Math.max(0f, c2);
                c3 = Math.max(0f, c3);
                c4 = Math.max(0f, c4);
                c5 = Math.max(0f, c5);
                c6 = Math.max(0f, c6);
                c7 = Math.max(0f, c7);
            }
            y[o] = c0;
            y[o + 1] = c1;
            y[o + 2] = c2;
            y[o + 3] = c3;
            y[o + 4] = c4;
            y[o + 5] = c5;
            y[o + 6] = c6;
            y[o + 7] = c7;
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
