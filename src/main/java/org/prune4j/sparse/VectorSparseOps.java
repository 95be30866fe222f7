package org.prune4j.sparse;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.prune4j.dense.Simd;

/**
 * Vector API sparse kernels (load only after {@link org.prune4j.dense.VectorApi#available()}).
 *
 * <ul>
 * <li>SpMV over SELL-C with C = one vector: per slice, the k-th non-zeros of C rows are one vector load of values
 * and one gather from the input, into one accumulator (bit-identical to the scalar SELL-8 SpMV; used where
 * {@link Gathers} says gathers pay);</li>
 * <li>SpMM over the chunked layout and a column-blocked CSR: each non-zero is broadcast and drives 1, 2, 4 or 8
 * contiguous FMAs over a chunk of the batch, with two accumulator sets (even and odd non-zeros) per row (one set
 * of eight for 8 vectors).</li>
 * </ul>
 * Bias and ReLU are applied before the store.
 */
final class VectorSparseOps {
    private static final VectorSpecies<Float> S = Simd.FLOATS;
    static final int L = Simd.LANES;
    /** Shorts, L lanes (half the vector width), for 16-bit indices; null if no such shape exists. */
    private static final VectorSpecies<Short> INDEX16 = L >= 8
            ? VectorSpecies.of(short.class, VectorShape.forBitSize(L * Short.SIZE)) : null;

    private VectorSparseOps() {
    }

    /**
     * Slices {@code [s0, s1)} of {@code y = act(A x + bias)} in slice order.
     *
     * @param bias in slice order (length {@link SellMatrix#paddedRows()}), or null
     */
    static void spmv(SellMatrix a, float[] x, float[] y, float[] bias, boolean relu, int s0, int s1) {
        if (a.colIdx16 != null && INDEX16 != null) {
            spmv16(a, x, y, bias, relu, s0, s1);
            return;
        }
        int[] idx = a.colIdx;
        float[] val = a.values;
        FloatVector zero = FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int p = a.sliceOffset[s];
            int end = a.sliceOffset[s + 1];
            // One accumulator, the k-th non-zeros in order: each row is summed exactly as the scalar SELL-8 loop
            // sums it, so the two SpMVs agree to the bit (two accumulators were no faster on Zen 4, one core,
            // 784 x 300 at 90 %: 13.6-13.9 µs with one against 14.3 with two in one JVM, 9.8 against 15.7-15.9 in
            // another). A counted loop over p lets C2 drop the range checks and the safepoint poll.
            FloatVector acc = zero;
            for (; p < end; p += L) {
                acc = FloatVector.fromArray(S, val, p).fma(FloatVector.fromArray(S, x, 0, idx, p), acc);
            }
            if (bias != null) {
                acc = acc.add(FloatVector.fromArray(S, bias, s * L));
            }
            if (relu) {
                acc = acc.max(zero);
            }
            acc.intoArray(y, s * L);
        }
    }

    /**
     * {@link #spmv} reading 16-bit column indices: each group of L is widened to ints in registers and stored to a
     * small buffer for the gather (the JDK 17 gather takes its indices from an int array), which costs a few
     * instructions per gather but reads a quarter fewer bytes of matrix: measured, a 4096 x 4096 SpMV at 90 % on
     * two cores is bound by the bandwidth from L3 (13 MB in 0.45 ms), not by the gathers.
     */
    private static void spmv16(SellMatrix a, float[] x, float[] y, float[] bias, boolean relu, int s0, int s1) {
        short[] idx = a.colIdx16;
        float[] val = a.values;
        int[] i0 = new int[L];
        FloatVector zero = FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int p = a.sliceOffset[s];
            int end = a.sliceOffset[s + 1];
            FloatVector acc = zero;
            for (; p < end; p += L) {
                widen(idx, p, i0);
                acc = FloatVector.fromArray(S, val, p).fma(FloatVector.fromArray(S, x, 0, i0, 0), acc);
            }
            if (bias != null) {
                acc = acc.add(FloatVector.fromArray(S, bias, s * L));
            }
            if (relu) {
                acc = acc.max(zero);
            }
            acc.intoArray(y, s * L);
        }
    }

    /**
     * Whether every value is finite: their products with 0 sum to 0 exactly when none is infinite or NaN. Measured
     * 45 ns for 300 values, where the scalar check took 216 ns (a fifth of a 300 x 100 SpMV at 90 %; 140 ns in its
     * current form).
     */
    static boolean isFinite(float[] x) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i <= x.length - L; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, i).mul(0f));
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < x.length; i++) {
            sum += x[i] * 0f;
        }
        return sum == 0f;
    }

    /** {@code into[t] = idx[p + t] & 0xffff} for the L lanes. */
    private static void widen(short[] idx, int p, int[] into) {
        ((IntVector) ShortVector.fromArray(INDEX16, idx, p).convertShape(VectorOperators.S2I, Simd.INTS, 0))
                .and(0xffff).intoArray(into, 0);
    }

    /**
     * Rows {@code [r0, r1)} of {@code y = act(A x + bias)} over every chunk, in the chunked layout starting at
     * {@code x[xOff]} and {@code y[yOff]}.
     *
     * @param width  chunk width: L, 2L, 4L or 8L
     * @param chunks number of chunks
     * @param bias   per row, or null
     */
    static void spmm(BlockedCsr a, float[] x, int xOff, float[] y, int yOff, int width, int chunks, float[] bias,
            boolean relu, int r0, int r1) {
        int in = a.cols;
        int out = a.rows;
        for (int c = 0; c < chunks; c++) {
            int xb = xOff + c * in * width;
            int yb = yOff + c * out * width;
            for (int b = 0; b < a.blocks; b++) {
                boolean first = b == 0;
                boolean last = b == a.blocks - 1;
                int[] ptr = a.ptr[b];
                switch (width / L) {
                    case 8 -> rows8(a, ptr, x, xb, y, yb, first, last, bias, relu, r0, r1);
                    case 4 -> rows4(a, ptr, x, xb, y, yb, first, last, bias, relu, r0, r1);
                    case 2 -> rows2(a, ptr, x, xb, y, yb, first, last, bias, relu, r0, r1);
                    default -> rows1(a, ptr, x, xb, y, yb, first, last, bias, relu, r0, r1);
                }
            }
        }
    }

    /**
     * Eight vectors per chunk (batches over 64): one index, one broadcast and two range checks per non-zero are
     * shared by eight FMAs instead of four. The eight accumulators are independent, so one set hides the FMA
     * latency.
     */
    private static void rows8(BlockedCsr a, int[] ptr, float[] x, int xb, float[] y, int yb, boolean first,
            boolean last, float[] bias, boolean relu, int r0, int r1) {
        final int width = 8 * L;
        int[] idx = a.colIdx;
        float[] val = a.values;
        FloatVector zero = FloatVector.zero(S);
        for (int r = r0; r < r1; r++) {
            int yo = yb + r * width;
            FloatVector a0, a1, a2, a3, a4, a5, a6, a7;
            if (first) {
                a0 = zero;
                a1 = zero;
                a2 = zero;
                a3 = zero;
                a4 = zero;
                a5 = zero;
                a6 = zero;
                a7 = zero;
            } else {
                a0 = FloatVector.fromArray(S, y, yo);
                a1 = FloatVector.fromArray(S, y, yo + L);
                a2 = FloatVector.fromArray(S, y, yo + 2 * L);
                a3 = FloatVector.fromArray(S, y, yo + 3 * L);
                a4 = FloatVector.fromArray(S, y, yo + 4 * L);
                a5 = FloatVector.fromArray(S, y, yo + 5 * L);
                a6 = FloatVector.fromArray(S, y, yo + 6 * L);
                a7 = FloatVector.fromArray(S, y, yo + 7 * L);
            }
            int e = ptr[r + 1];
            for (int p = ptr[r]; p < e; p++) {
                FloatVector w = FloatVector.broadcast(S, val[p]);
                int xo = xb + idx[p] * width;
                a0 = FloatVector.fromArray(S, x, xo).fma(w, a0);
                a1 = FloatVector.fromArray(S, x, xo + L).fma(w, a1);
                a2 = FloatVector.fromArray(S, x, xo + 2 * L).fma(w, a2);
                a3 = FloatVector.fromArray(S, x, xo + 3 * L).fma(w, a3);
                a4 = FloatVector.fromArray(S, x, xo + 4 * L).fma(w, a4);
                a5 = FloatVector.fromArray(S, x, xo + 5 * L).fma(w, a5);
                a6 = FloatVector.fromArray(S, x, xo + 6 * L).fma(w, a6);
                a7 = FloatVector.fromArray(S, x, xo + 7 * L).fma(w, a7);
            }
            if (last) {
                if (bias != null) {
                    FloatVector bv = FloatVector.broadcast(S, bias[r]);
                    a0 = a0.add(bv);
                    a1 = a1.add(bv);
                    a2 = a2.add(bv);
                    a3 = a3.add(bv);
                    a4 = a4.add(bv);
                    a5 = a5.add(bv);
                    a6 = a6.add(bv);
                    a7 = a7.add(bv);
                }
                if (relu) {
                    a0 = a0.max(zero);
                    a1 = a1.max(zero);
                    a2 = a2.max(zero);
                    a3 = a3.max(zero);
                    a4 = a4.max(zero);
                    a5 = a5.max(zero);
                    a6 = a6.max(zero);
                    a7 = a7.max(zero);
                }
            }
            a0.intoArray(y, yo);
            a1.intoArray(y, yo + L);
            a2.intoArray(y, yo + 2 * L);
            a3.intoArray(y, yo + 3 * L);
            a4.intoArray(y, yo + 4 * L);
            a5.intoArray(y, yo + 5 * L);
            a6.intoArray(y, yo + 6 * L);
            a7.intoArray(y, yo + 7 * L);
        }
    }

    private static void rows4(BlockedCsr a, int[] ptr, float[] x, int xb, float[] y, int yb, boolean first,
            boolean last, float[] bias, boolean relu, int r0, int r1) {
        final int width = 4 * L;
        int[] idx = a.colIdx;
        float[] val = a.values;
        FloatVector zero = FloatVector.zero(S);
        for (int r = r0; r < r1; r++) {
            int yo = yb + r * width;
            FloatVector a0, a1, a2, a3;
            if (first) {
                a0 = zero;
                a1 = zero;
                a2 = zero;
                a3 = zero;
            } else {
                a0 = FloatVector.fromArray(S, y, yo);
                a1 = FloatVector.fromArray(S, y, yo + L);
                a2 = FloatVector.fromArray(S, y, yo + 2 * L);
                a3 = FloatVector.fromArray(S, y, yo + 3 * L);
            }
            FloatVector b0 = zero, b1 = zero, b2 = zero, b3 = zero;
            int p = ptr[r];
            int e = ptr[r + 1];
            // a plain counted loop (p < bound, not p + 1 < e), so that C2 drops the range checks on idx and val
            for (int pairs = e - ((e - p) & 1); p < pairs; p += 2) {
                FloatVector w = FloatVector.broadcast(S, val[p]);
                int xo = xb + idx[p] * width;
                a0 = FloatVector.fromArray(S, x, xo).fma(w, a0);
                a1 = FloatVector.fromArray(S, x, xo + L).fma(w, a1);
                a2 = FloatVector.fromArray(S, x, xo + 2 * L).fma(w, a2);
                a3 = FloatVector.fromArray(S, x, xo + 3 * L).fma(w, a3);
                FloatVector v = FloatVector.broadcast(S, val[p + 1]);
                int xq = xb + idx[p + 1] * width;
                b0 = FloatVector.fromArray(S, x, xq).fma(v, b0);
                b1 = FloatVector.fromArray(S, x, xq + L).fma(v, b1);
                b2 = FloatVector.fromArray(S, x, xq + 2 * L).fma(v, b2);
                b3 = FloatVector.fromArray(S, x, xq + 3 * L).fma(v, b3);
            }
            if (p < e) {
                FloatVector w = FloatVector.broadcast(S, val[p]);
                int xo = xb + idx[p] * width;
                a0 = FloatVector.fromArray(S, x, xo).fma(w, a0);
                a1 = FloatVector.fromArray(S, x, xo + L).fma(w, a1);
                a2 = FloatVector.fromArray(S, x, xo + 2 * L).fma(w, a2);
                a3 = FloatVector.fromArray(S, x, xo + 3 * L).fma(w, a3);
            }
            a0 = a0.add(b0);
            a1 = a1.add(b1);
            a2 = a2.add(b2);
            a3 = a3.add(b3);
            if (last) {
                if (bias != null) {
                    FloatVector bv = FloatVector.broadcast(S, bias[r]);
                    a0 = a0.add(bv);
                    a1 = a1.add(bv);
                    a2 = a2.add(bv);
                    a3 = a3.add(bv);
                }
                if (relu) {
                    a0 = a0.max(zero);
                    a1 = a1.max(zero);
                    a2 = a2.max(zero);
                    a3 = a3.max(zero);
                }
            }
            a0.intoArray(y, yo);
            a1.intoArray(y, yo + L);
            a2.intoArray(y, yo + 2 * L);
            a3.intoArray(y, yo + 3 * L);
        }
    }

    private static void rows2(BlockedCsr a, int[] ptr, float[] x, int xb, float[] y, int yb, boolean first,
            boolean last, float[] bias, boolean relu, int r0, int r1) {
        final int width = 2 * L;
        int[] idx = a.colIdx;
        float[] val = a.values;
        FloatVector zero = FloatVector.zero(S);
        for (int r = r0; r < r1; r++) {
            int yo = yb + r * width;
            FloatVector a0, a1;
            if (first) {
                a0 = zero;
                a1 = zero;
            } else {
                a0 = FloatVector.fromArray(S, y, yo);
                a1 = FloatVector.fromArray(S, y, yo + L);
            }
            FloatVector b0 = zero, b1 = zero, c0 = zero, c1 = zero, d0 = zero, d1 = zero;
            int p = ptr[r];
            int e = ptr[r + 1];
            // a plain counted loop (p < bound, not p + 3 < e), so that C2 drops the range checks on idx and val
            for (int quads = e - ((e - p) & 3); p < quads; p += 4) {
                FloatVector w = FloatVector.broadcast(S, val[p]);
                int xo = xb + idx[p] * width;
                a0 = FloatVector.fromArray(S, x, xo).fma(w, a0);
                a1 = FloatVector.fromArray(S, x, xo + L).fma(w, a1);
                w = FloatVector.broadcast(S, val[p + 1]);
                xo = xb + idx[p + 1] * width;
                b0 = FloatVector.fromArray(S, x, xo).fma(w, b0);
                b1 = FloatVector.fromArray(S, x, xo + L).fma(w, b1);
                w = FloatVector.broadcast(S, val[p + 2]);
                xo = xb + idx[p + 2] * width;
                c0 = FloatVector.fromArray(S, x, xo).fma(w, c0);
                c1 = FloatVector.fromArray(S, x, xo + L).fma(w, c1);
                w = FloatVector.broadcast(S, val[p + 3]);
                xo = xb + idx[p + 3] * width;
                d0 = FloatVector.fromArray(S, x, xo).fma(w, d0);
                d1 = FloatVector.fromArray(S, x, xo + L).fma(w, d1);
            }
            for (; p < e; p++) {
                FloatVector w = FloatVector.broadcast(S, val[p]);
                int xo = xb + idx[p] * width;
                a0 = FloatVector.fromArray(S, x, xo).fma(w, a0);
                a1 = FloatVector.fromArray(S, x, xo + L).fma(w, a1);
            }
            a0 = a0.add(b0).add(c0.add(d0));
            a1 = a1.add(b1).add(c1.add(d1));
            if (last) {
                if (bias != null) {
                    FloatVector bv = FloatVector.broadcast(S, bias[r]);
                    a0 = a0.add(bv);
                    a1 = a1.add(bv);
                }
                if (relu) {
                    a0 = a0.max(zero);
                    a1 = a1.max(zero);
                }
            }
            a0.intoArray(y, yo);
            a1.intoArray(y, yo + L);
        }
    }

    private static void rows1(BlockedCsr a, int[] ptr, float[] x, int xb, float[] y, int yb, boolean first,
            boolean last, float[] bias, boolean relu, int r0, int r1) {
        final int width = L;
        int[] idx = a.colIdx;
        float[] val = a.values;
        FloatVector zero = FloatVector.zero(S);
        for (int r = r0; r < r1; r++) {
            int yo = yb + r * width;
            FloatVector a0 = first ? zero : FloatVector.fromArray(S, y, yo);
            FloatVector b0 = zero, c0 = zero, d0 = zero;
            int p = ptr[r];
            int e = ptr[r + 1];
            // a plain counted loop (p < bound, not p + 3 < e), so that C2 drops the range checks on idx and val
            for (int quads = e - ((e - p) & 3); p < quads; p += 4) {
                a0 = FloatVector.fromArray(S, x, xb + idx[p] * width).fma(FloatVector.broadcast(S, val[p]), a0);
                b0 = FloatVector.fromArray(S, x, xb + idx[p + 1] * width).fma(FloatVector.broadcast(S, val[p + 1]), b0);
                c0 = FloatVector.fromArray(S, x, xb + idx[p + 2] * width).fma(FloatVector.broadcast(S, val[p + 2]), c0);
                d0 = FloatVector.fromArray(S, x, xb + idx[p + 3] * width).fma(FloatVector.broadcast(S, val[p + 3]), d0);
            }
            for (; p < e; p++) {
                a0 = FloatVector.fromArray(S, x, xb + idx[p] * width).fma(FloatVector.broadcast(S, val[p]), a0);
            }
            a0 = a0.add(b0).add(c0.add(d0));
            if (last) {
                if (bias != null) {
                    a0 = a0.add(FloatVector.broadcast(S, bias[r]));
                }
                if (relu) {
                    a0 = a0.max(zero);
                }
            }
            a0.intoArray(y, yo);
        }
    }

    /**
     * {@link Layouts#toChunked} with gathers: each vector of the chunked layout is one gather down a column of
     * {@code x} (16 rows, one feature), which is several times faster than a scalar transpose.
     *
     * @return whether every value was finite
     */
    static boolean toChunked(float[] x, int batch, int features, int width, float[] dst, int dstOff) {
        int[] map = new int[L];
        for (int t = 0; t < L; t++) {
            map[t] = t * features;
        }
        FloatVector max = FloatVector.zero(S);
        for (int b0 = 0; b0 < batch; b0 += width) {
            int base = dstOff + (b0 / width) * features * width;
            for (int v = 0; v < width; v += L) {
                int rows = Math.min(L, batch - b0 - v);
                if (rows == L) {
                    int xo = (b0 + v) * features;
                    int d = base + v;
                    for (int k = 0; k < features; k++, d += width) {
                        FloatVector g = FloatVector.fromArray(S, x, xo + k, map, 0);
                        max = max.max(g.abs());
                        g.intoArray(dst, d);
                    }
                } else if (rows > 0) {
                    for (int t = 0; t < rows; t++) {
                        int xo = (b0 + v + t) * features;
                        for (int k = 0; k < features; k++) {
                            float f = x[xo + k];
                            if (!Float.isFinite(f)) {
                                return false;
                            }
                            dst[base + k * width + v + t] = f;
                        }
                    }
                }
            }
        }
        return max.reduceLanes(jdk.incubator.vector.VectorOperators.MAX) < Float.POSITIVE_INFINITY;
    }

    /** {@link Layouts#fromChunked} with gathers: one gather per 16 outputs of one row. */
    static void fromChunked(float[] src, int srcOff, int batch, int features, int width, float[] y) {
        int[] map = new int[L];
        for (int t = 0; t < L; t++) {
            map[t] = t * width;
        }
        int full = features - features % L;
        for (int b = 0; b < batch; b++) {
            int base = srcOff + (b / width) * features * width + b % width;
            int yo = b * features;
            int r = 0;
            for (; r < full; r += L) {
                FloatVector.fromArray(S, src, base + r * width, map, 0).intoArray(y, yo + r);
            }
            for (; r < features; r++) {
                y[yo + r] = src[base + r * width];
            }
        }
    }
}
