package org.prune4j.sparse;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import org.prune4j.dense.Parallel;
import org.prune4j.dense.Simd;

/**
 * The chunked layout's transposes with the Vector API (load only after {@link org.prune4j.dense.VectorApi#available()};
 * 16-lane vectors only, else {@link Layouts}' scalar loops are used): 16×16 tiles are loaded as 16 vectors,
 * transposed in registers by four rounds of permute-and-blend (swapping off-diagonal blocks of 8, 4, 2 and 1 lanes)
 * and stored as 16 vectors. Gathers were measured at about one float per nanosecond on this machine, no faster
 * than scalar code; the register transpose moves several floats per nanosecond.
 */
final class VectorTranspose {
    private static final VectorSpecies<Float> S = Simd.FLOATS;
    /**
     * Values from which a transpose is split over the cores: measured, 256 x 300 took 45-57 µs on one core and
     * 29-32 on two, while 32 x 784 (25 thousand values, 11 µs) was slower split.
     */
    private static final long PARALLEL_VALUES = 1L << 16;
    /** Whether the tiles fit the vector length. */
    static final boolean USABLE = Simd.LANES == 16;

    private static final VectorShuffle<Float> DOWN8 = shuffle(8, true);
    private static final VectorShuffle<Float> UP8 = shuffle(8, false);
    private static final VectorMask<Float> HIGH8 = mask(8, true);
    private static final VectorMask<Float> LOW8 = mask(8, false);
    private static final VectorShuffle<Float> DOWN4 = shuffle(4, true);
    private static final VectorShuffle<Float> UP4 = shuffle(4, false);
    private static final VectorMask<Float> HIGH4 = mask(4, true);
    private static final VectorMask<Float> LOW4 = mask(4, false);
    private static final VectorShuffle<Float> DOWN2 = shuffle(2, true);
    private static final VectorShuffle<Float> UP2 = shuffle(2, false);
    private static final VectorMask<Float> HIGH2 = mask(2, true);
    private static final VectorMask<Float> LOW2 = mask(2, false);
    private static final VectorShuffle<Float> DOWN1 = shuffle(1, true);
    private static final VectorShuffle<Float> UP1 = shuffle(1, false);
    private static final VectorMask<Float> HIGH1 = mask(1, true);
    private static final VectorMask<Float> LOW1 = mask(1, false);

    private VectorTranspose() {
    }

    /** Lane j takes lane j − s (down: for lanes with bit s set) or j + s (up: for lanes with bit s clear). */
    private static VectorShuffle<Float> shuffle(int s, boolean down) {
        int[] idx = new int[16];
        for (int j = 0; j < 16; j++) {
            boolean high = (j & s) != 0;
            idx[j] = down ? (high ? j - s : j) : (high ? j : j + s);
        }
        return VectorShuffle.fromArray(S, idx, 0);
    }

    private static VectorMask<Float> mask(int s, boolean high) {
        boolean[] m = new boolean[16];
        for (int j = 0; j < 16; j++) {
            m[j] = ((j & s) != 0) == high;
        }
        return VectorMask.fromArray(S, m, 0);
    }

    /**
     * Transposes the 16×16 tile {@code src[so + i·ss + j]} into {@code dst[dof + j·ds + i]}.
     *
     * @param max null, or 16 floats that take the lane-wise largest magnitude seen (NaN if a NaN was), to check
     *            finiteness on the way without a lane reduction per tile
     */
    static void tile(float[] src, int so, int ss, float[] dst, int dof, int ds, float[] max) {
        FloatVector r0 = FloatVector.fromArray(S, src, so + 0 * ss);
        FloatVector r1 = FloatVector.fromArray(S, src, so + 1 * ss);
        FloatVector r2 = FloatVector.fromArray(S, src, so + 2 * ss);
        FloatVector r3 = FloatVector.fromArray(S, src, so + 3 * ss);
        FloatVector r4 = FloatVector.fromArray(S, src, so + 4 * ss);
        FloatVector r5 = FloatVector.fromArray(S, src, so + 5 * ss);
        FloatVector r6 = FloatVector.fromArray(S, src, so + 6 * ss);
        FloatVector r7 = FloatVector.fromArray(S, src, so + 7 * ss);
        FloatVector r8 = FloatVector.fromArray(S, src, so + 8 * ss);
        FloatVector r9 = FloatVector.fromArray(S, src, so + 9 * ss);
        FloatVector r10 = FloatVector.fromArray(S, src, so + 10 * ss);
        FloatVector r11 = FloatVector.fromArray(S, src, so + 11 * ss);
        FloatVector r12 = FloatVector.fromArray(S, src, so + 12 * ss);
        FloatVector r13 = FloatVector.fromArray(S, src, so + 13 * ss);
        FloatVector r14 = FloatVector.fromArray(S, src, so + 14 * ss);
        FloatVector r15 = FloatVector.fromArray(S, src, so + 15 * ss);
        FloatVector m = r0.abs().max(r1.abs()).max(r2.abs().max(r3.abs())).max(r4.abs().max(r5.abs()).max(r6.abs().max(r7.abs())))
                .max(r8.abs().max(r9.abs()).max(r10.abs().max(r11.abs())).max(r12.abs().max(r13.abs()).max(r14.abs().max(r15.abs()))));
        FloatVector a;
        a = r0.blend(r8.rearrange(DOWN8), HIGH8);
        r8 = r8.blend(r0.rearrange(UP8), LOW8);
        r0 = a;
        a = r1.blend(r9.rearrange(DOWN8), HIGH8);
        r9 = r9.blend(r1.rearrange(UP8), LOW8);
        r1 = a;
        a = r2.blend(r10.rearrange(DOWN8), HIGH8);
        r10 = r10.blend(r2.rearrange(UP8), LOW8);
        r2 = a;
        a = r3.blend(r11.rearrange(DOWN8), HIGH8);
        r11 = r11.blend(r3.rearrange(UP8), LOW8);
        r3 = a;
        a = r4.blend(r12.rearrange(DOWN8), HIGH8);
        r12 = r12.blend(r4.rearrange(UP8), LOW8);
        r4 = a;
        a = r5.blend(r13.rearrange(DOWN8), HIGH8);
        r13 = r13.blend(r5.rearrange(UP8), LOW8);
        r5 = a;
        a = r6.blend(r14.rearrange(DOWN8), HIGH8);
        r14 = r14.blend(r6.rearrange(UP8), LOW8);
        r6 = a;
        a = r7.blend(r15.rearrange(DOWN8), HIGH8);
        r15 = r15.blend(r7.rearrange(UP8), LOW8);
        r7 = a;
        a = r0.blend(r4.rearrange(DOWN4), HIGH4);
        r4 = r4.blend(r0.rearrange(UP4), LOW4);
        r0 = a;
        a = r1.blend(r5.rearrange(DOWN4), HIGH4);
        r5 = r5.blend(r1.rearrange(UP4), LOW4);
        r1 = a;
        a = r2.blend(r6.rearrange(DOWN4), HIGH4);
        r6 = r6.blend(r2.rearrange(UP4), LOW4);
        r2 = a;
        a = r3.blend(r7.rearrange(DOWN4), HIGH4);
        r7 = r7.blend(r3.rearrange(UP4), LOW4);
        r3 = a;
        a = r8.blend(r12.rearrange(DOWN4), HIGH4);
        r12 = r12.blend(r8.rearrange(UP4), LOW4);
        r8 = a;
        a = r9.blend(r13.rearrange(DOWN4), HIGH4);
        r13 = r13.blend(r9.rearrange(UP4), LOW4);
        r9 = a;
        a = r10.blend(r14.rearrange(DOWN4), HIGH4);
        r14 = r14.blend(r10.rearrange(UP4), LOW4);
        r10 = a;
        a = r11.blend(r15.rearrange(DOWN4), HIGH4);
        r15 = r15.blend(r11.rearrange(UP4), LOW4);
        r11 = a;
        a = r0.blend(r2.rearrange(DOWN2), HIGH2);
        r2 = r2.blend(r0.rearrange(UP2), LOW2);
        r0 = a;
        a = r1.blend(r3.rearrange(DOWN2), HIGH2);
        r3 = r3.blend(r1.rearrange(UP2), LOW2);
        r1 = a;
        a = r4.blend(r6.rearrange(DOWN2), HIGH2);
        r6 = r6.blend(r4.rearrange(UP2), LOW2);
        r4 = a;
        a = r5.blend(r7.rearrange(DOWN2), HIGH2);
        r7 = r7.blend(r5.rearrange(UP2), LOW2);
        r5 = a;
        a = r8.blend(r10.rearrange(DOWN2), HIGH2);
        r10 = r10.blend(r8.rearrange(UP2), LOW2);
        r8 = a;
        a = r9.blend(r11.rearrange(DOWN2), HIGH2);
        r11 = r11.blend(r9.rearrange(UP2), LOW2);
        r9 = a;
        a = r12.blend(r14.rearrange(DOWN2), HIGH2);
        r14 = r14.blend(r12.rearrange(UP2), LOW2);
        r12 = a;
        a = r13.blend(r15.rearrange(DOWN2), HIGH2);
        r15 = r15.blend(r13.rearrange(UP2), LOW2);
        r13 = a;
        a = r0.blend(r1.rearrange(DOWN1), HIGH1);
        r1 = r1.blend(r0.rearrange(UP1), LOW1);
        r0 = a;
        a = r2.blend(r3.rearrange(DOWN1), HIGH1);
        r3 = r3.blend(r2.rearrange(UP1), LOW1);
        r2 = a;
        a = r4.blend(r5.rearrange(DOWN1), HIGH1);
        r5 = r5.blend(r4.rearrange(UP1), LOW1);
        r4 = a;
        a = r6.blend(r7.rearrange(DOWN1), HIGH1);
        r7 = r7.blend(r6.rearrange(UP1), LOW1);
        r6 = a;
        a = r8.blend(r9.rearrange(DOWN1), HIGH1);
        r9 = r9.blend(r8.rearrange(UP1), LOW1);
        r8 = a;
        a = r10.blend(r11.rearrange(DOWN1), HIGH1);
        r11 = r11.blend(r10.rearrange(UP1), LOW1);
        r10 = a;
        a = r12.blend(r13.rearrange(DOWN1), HIGH1);
        r13 = r13.blend(r12.rearrange(UP1), LOW1);
        r12 = a;
        a = r14.blend(r15.rearrange(DOWN1), HIGH1);
        r15 = r15.blend(r14.rearrange(UP1), LOW1);
        r14 = a;
        r0.intoArray(dst, dof + 0 * ds);
        r1.intoArray(dst, dof + 1 * ds);
        r2.intoArray(dst, dof + 2 * ds);
        r3.intoArray(dst, dof + 3 * ds);
        r4.intoArray(dst, dof + 4 * ds);
        r5.intoArray(dst, dof + 5 * ds);
        r6.intoArray(dst, dof + 6 * ds);
        r7.intoArray(dst, dof + 7 * ds);
        r8.intoArray(dst, dof + 8 * ds);
        r9.intoArray(dst, dof + 9 * ds);
        r10.intoArray(dst, dof + 10 * ds);
        r11.intoArray(dst, dof + 11 * ds);
        r12.intoArray(dst, dof + 12 * ds);
        r13.intoArray(dst, dof + 13 * ds);
        r14.intoArray(dst, dof + 14 * ds);
        r15.intoArray(dst, dof + 15 * ds);
        if (max != null) {
            m.max(FloatVector.fromArray(S, max, 0)).intoArray(max, 0);
        }
    }

    /**
     * {@link Layouts#toChunked} by tiles, into {@code dst} from {@code dstOff}. Features that do not fill a last
     * tile are covered by one more tile over the last 16 features, which overlaps the previous one and writes the
     * same values again (a scalar tail cost ten times more per value); only fewer than 16 features, or rows that
     * do not fill a tile, are copied one by one. Big transposes are split over the cores by groups of 16 rows.
     *
     * @return whether every value was finite
     */
    static boolean toChunked(float[] x, int batch, int features, int width, float[] dst, int dstOff) {
        int groups = (batch + 15) / 16;
        int parts = parts(batch, features);
        float[][] max = new float[parts][17]; // lane-wise max of the tiles, then the scalar max at [16]
        if (parts == 1) {
            toChunked(x, batch, features, width, dst, dstOff, 0, groups, max[0]);
        } else {
            Parallel.run(parts, p -> toChunked(x, batch, features, width, dst, dstOff, groups * p / parts,
                    groups * (p + 1) / parts, max[p]));
        }
        for (float[] m : max) {
            if (!finite(m)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Row groups {@code [g0, g1)} (16 rows each) of {@link #toChunked}, on the calling thread: the part of the batch
     * one core works on.
     *
     * @return whether every value was finite
     */
    static boolean toChunkedGroups(float[] x, int batch, int features, int width, float[] dst, int dstOff, int g0,
            int g1) {
        float[] max = new float[17];
        toChunked(x, batch, features, width, dst, dstOff, g0, g1, max);
        return finite(max);
    }

    /** Whether the largest magnitudes seen are finite: false for infinity and for NaN (both maxima propagate NaN). */
    private static boolean finite(float[] m) {
        return m[16] < Float.POSITIVE_INFINITY
                && FloatVector.fromArray(S, m, 0).reduceLanes(VectorOperators.MAX) < Float.POSITIVE_INFINITY;
    }

    /** Row groups {@code [g0, g1)} (16 rows each) of {@link #toChunked}; {@code max} as there. */
    private static void toChunked(float[] x, int batch, int features, int width, float[] dst, int dstOff, int g0,
            int g1, float[] max) {
        float scalarMax = 0f;
        for (int g = g0; g < g1; g++) {
            int b = g * 16;
            int base = dstOff + (b / width) * features * width;
            int v = b % width;
            int rows = Math.min(16, batch - b);
            int xo = b * features;
            if (rows == 16 && features >= 16) {
                for (int k0 = 0; k0 < features; k0 += 16) {
                    int k = Math.min(k0, features - 16);
                    tile(x, xo + k, features, dst, base + k * width + v, width, max);
                }
                continue;
            }
            for (int t = 0; t < rows; t++) {
                for (int k = 0; k < features; k++) {
                    float f = x[xo + t * features + k];
                    scalarMax = Math.max(scalarMax, Math.abs(f));
                    dst[base + k * width + v + t] = f;
                }
            }
        }
        max[16] = scalarMax;
    }

    /** {@link Layouts#fromChunked} by tiles, from {@code src} at {@code srcOff}; a ragged last tile overlaps. */
    static void fromChunked(float[] src, int srcOff, int batch, int features, int width, float[] y) {
        int groups = (batch + 15) / 16;
        int parts = parts(batch, features);
        if (parts == 1) {
            fromChunked(src, srcOff, batch, features, width, y, 0, groups);
        } else {
            Parallel.run(parts, p -> fromChunked(src, srcOff, batch, features, width, y, groups * p / parts,
                    groups * (p + 1) / parts));
        }
    }

    /** Row groups {@code [g0, g1)} (16 rows each) of {@link #fromChunked}, on the calling thread. */
    static void fromChunkedGroups(float[] src, int srcOff, int batch, int features, int width, float[] y, int g0,
            int g1) {
        fromChunked(src, srcOff, batch, features, width, y, g0, g1);
    }

    private static void fromChunked(float[] src, int srcOff, int batch, int features, int width, float[] y, int g0,
            int g1) {
        for (int g = g0; g < g1; g++) {
            int b = g * 16;
            int base = srcOff + (b / width) * features * width;
            int v = b % width;
            int rows = Math.min(16, batch - b);
            int yo = b * features;
            if (rows == 16 && features >= 16) {
                for (int k0 = 0; k0 < features; k0 += 16) {
                    int k = Math.min(k0, features - 16);
                    tile(src, base + k * width + v, width, y, yo + k, features, null);
                }
                continue;
            }
            for (int t = 0; t < rows; t++) {
                for (int k = 0; k < features; k++) {
                    y[yo + t * features + k] = src[base + k * width + v + t];
                }
            }
        }
    }

    /** Parts to split a transpose into: one per core from {@value #PARALLEL_VALUES} values, in whole row groups. */
    private static int parts(int batch, int features) {
        int groups = (batch + 15) / 16;
        return (long) batch * features >= PARALLEL_VALUES ? Math.min(groups, Parallel.cores()) : 1;
    }
}
