package org.prune4j.dense;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense GEMM with the Vector API for layers with few outputs (a layer shrunk by unit pruning to a handful of
 * neurons). {@link VectorGemm} vectorizes over outputs, so with 1–3 outputs a 16-lane vector is mostly padding.
 * Here each output is a dot product of a contiguous input row with a contiguous weight column (stored transposed),
 * vectorized over the inputs: 16 batch rows share one weight load per 16 FMAs, and their 16 partial-sum vectors
 * are folded into one vector of 16 row sums by a tree of add-and-blend steps (15 folds instead of 16 full
 * lane reductions). Vectorizing over the batch instead would need the input transposed, which costs more than the
 * whole product here.
 *
 * <p>Inputs that are not a multiple of 16 are finished by one more step over the last 16 inputs of the row, whose
 * weights are zero where the previous step already counted them, so no masked loads or scalar tails are needed.
 * Needs 16-lane vectors and at least 16 inputs ({@link #fits}). Load only after {@link VectorApi#available()}.
 */
final class NarrowGemm implements DenseKernel {
    private static final VectorSpecies<Float> S = Simd.FLOATS;
    private static final int L = Simd.LANES;
    /**
     * Each thread's buffer for a tile's partial sums, kept across calls: a buffer allocated per call made 300×10
     * at batch 256 take 26 µs on one core instead of 20.5 (6 JVMs each; 300×5 14.2 against 11.4). Why is not
     * established; what differs is that its address changed from call to call. No state is carried between
     * calls: each tile overwrites what it reads.
     */
    private static final ThreadLocal<float[]> SUMS = ThreadLocal.withInitial(() -> new float[L * L]);
    /** Below this many outputs the panel kernel wastes more on padding than the folds here cost (measured). */
    static final int MAX_OUTPUTS = 12;
    /**
     * Multiply-adds from which both cores help (with at least 2 blocks of 16 rows): 300×10 at batch 32 (96 K) took
     * 0.73× the time of one core; 300×5 (48 K) lost to the hand-off.
     */
    private static final long PARALLEL_WORK = 1L << 16;

    private static final VectorMask<Float> HIGH8 = high(8);
    private static final VectorMask<Float> HIGH4 = high(4);
    private static final VectorMask<Float> HIGH2 = high(2);
    private static final VectorMask<Float> HIGH1 = high(1);

    private final int in;
    private final int out;
    /** Vector steps per row: ceil(in / L); the last one starts at {@code in - L}. */
    private final int steps;
    /** Steps that start at a multiple of L: {@code in / L}. */
    private final int full;
    /** Output j's weights: {@code steps · L} floats from {@code j · steps · L}, zero where a step repeats inputs. */
    private final float[] packed;

    private NarrowGemm(float[] w, int in, int out) {
        DenseKernel.checkWeights(w, in, out);
        if (!fits(in, out)) {
            throw new IllegalArgumentException("a narrow GEMM needs 16-lane vectors, >= 16 inputs and <= "
                    + MAX_OUTPUTS + " outputs, got " + in + " x " + out + " with " + L + " lanes");
        }
        this.in = in;
        this.out = out;
        this.steps = (in + L - 1) / L;
        this.full = in / L;
        this.packed = new float[out * steps * L];
        for (int j = 0; j < out; j++) {
            for (int s = 0; s < steps; s++) {
                int k0 = start(s);
                for (int t = 0; t < L; t++) {
                    int k = k0 + t;
                    // in the overlapping last step, inputs below s·L were counted by the previous step
                    packed[(j * steps + s) * L + t] = k >= s * L ? w[k * out + j] : 0f;
                }
            }
        }
    }

    /** @return whether this kernel handles a layer of this shape (and is the faster choice for it) */
    static boolean fits(int in, int out) {
        return L == 16 && in >= L && out <= MAX_OUTPUTS;
    }

    static NarrowGemm create(float[] w, int in, int out) {
        return new NarrowGemm(w, in, out);
    }

    private int start(int step) {
        return Math.min(step * L, in - L);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int inputs() {
        return in;
    }

    @Override
    public int outputs() {
        return out;
    }

    @Override
    public void compute(float[] x, int batch, float[] y) {
        int tiles = batch / L;
        int parts = Math.min(2 * Parallel.cores(), tiles);
        if ((long) batch * in * out < PARALLEL_WORK || tiles < 2 || Parallel.cores() == 1) {
            rows(x, y, 0, batch);
        } else {
            // whole 16-row blocks per part; the last part also takes the rows after the last block
            Parallel.run(parts, p -> rows(x, y, tiles * p / parts * L, p == parts - 1 ? batch : tiles * (p + 1) / parts * L));
        }
    }

    /**
     * Rows {@code [r0, r1)}: outputs in groups of 4, 2 and 1, each group over tiles of 4, 8 or 16 rows (16
     * partial-sum vectors per tile: 4 rows × 4 outputs share 8 loads, where one output alone needs a load per FMA).
     * Whole blocks of 16 rows run every group before the next block, so a block's inputs come from L2 once and stay
     * in L1 for the other groups when they fit (300 inputs: 19 KB): 300×5 at batch 256 took 8.1 µs against 9.6 µs
     * group by group over all rows, 300×10 13.8 against 14.4 (medians of 7 rounds).
     */
    private void rows(float[] x, float[] y, int r0, int r1) {
        float[] sums = SUMS.get();
        int r = r0;
        for (; r + L <= r1; r += L) {
            for (int j = 0; j < out; j += group(j)) {
                for (int t = r; t < r + L; t += L / group(j)) {
                    tile(x, t, j, sums, y);
                }
            }
        }
        // the last rows (fewer than 16): tiles that fit, then row by row
        for (int j = 0; j < out; j += group(j)) {
            int height = L / group(j);
            int t = r;
            for (; t + height <= r1; t += height) {
                tile(x, t, j, sums, y);
            }
            for (; t < r1; t++) {
                for (int jj = j; jj < j + group(j); jj++) {
                    y[t * out + jj] = row(x, t, jj);
                }
            }
        }
    }

    /** @return the size of the output group starting at output j: 4, 2 or 1 */
    private int group(int j) {
        return out - j >= 4 ? 4 : out - j >= 2 ? 2 : 1;
    }

    /** The tile of the group at output j from row r: its outputs into {@code y}. */
    private void tile(float[] x, int r, int j, float[] sums, float[] y) {
        int group = group(j);
        switch (group) {
            case 4 -> tile4(x, r, j, sums);
            case 2 -> tile2(x, r, j, sums);
            default -> tile1(x, r, j, sums);
        }
        fold16(sums);
        if (group == out) {
            System.arraycopy(sums, 0, y, r * out, L); // vector t is row t / out, output t % out
        } else {
            // vector t is row t / group, output t % group (no division: group is not a constant here)
            for (int q = 0, t = 0; q < L / group; q++) {
                int yo = (r + q) * out + j;
                for (int g = 0; g < group; g++, t++) {
                    y[yo + g] = sums[t];
                }
            }
        }
    }

    /** Outputs {@code [j, j + 4)} of rows {@code [r, r + 4)}, partial sums into {@code sums} (vector row·4 + output). */
    private void tile4(float[] x, int r, int j, float[] sums) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        int xo = r * in;
        int wo = j * steps * L;
        int end = xo + full * L;
        int ws = steps * L;
        // full steps: offsets linear in the loop variable, so C2 hoists the range checks
        for (; xo < end; xo += L, wo += L) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector w1 = FloatVector.fromArray(S, packed, wo + ws);
            FloatVector w2 = FloatVector.fromArray(S, packed, wo + 2 * ws);
            FloatVector w3 = FloatVector.fromArray(S, packed, wo + 3 * ws);
            FloatVector x0 = FloatVector.fromArray(S, x, xo);
            a0 = x0.fma(w0, a0);
            a1 = x0.fma(w1, a1);
            a2 = x0.fma(w2, a2);
            a3 = x0.fma(w3, a3);
            FloatVector x1 = FloatVector.fromArray(S, x, xo + in);
            a4 = x1.fma(w0, a4);
            a5 = x1.fma(w1, a5);
            a6 = x1.fma(w2, a6);
            a7 = x1.fma(w3, a7);
            FloatVector x2 = FloatVector.fromArray(S, x, xo + 2 * in);
            a8 = x2.fma(w0, a8);
            a9 = x2.fma(w1, a9);
            a10 = x2.fma(w2, a10);
            a11 = x2.fma(w3, a11);
            FloatVector x3 = FloatVector.fromArray(S, x, xo + 3 * in);
            a12 = x3.fma(w0, a12);
            a13 = x3.fma(w1, a13);
            a14 = x3.fma(w2, a14);
            a15 = x3.fma(w3, a15);
        }
        if (full < steps) {
            // the last step, over the row's last 16 inputs
            xo = r * in + in - L;
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector w1 = FloatVector.fromArray(S, packed, wo + ws);
            FloatVector w2 = FloatVector.fromArray(S, packed, wo + 2 * ws);
            FloatVector w3 = FloatVector.fromArray(S, packed, wo + 3 * ws);
            FloatVector x0 = FloatVector.fromArray(S, x, xo);
            a0 = x0.fma(w0, a0);
            a1 = x0.fma(w1, a1);
            a2 = x0.fma(w2, a2);
            a3 = x0.fma(w3, a3);
            FloatVector x1 = FloatVector.fromArray(S, x, xo + in);
            a4 = x1.fma(w0, a4);
            a5 = x1.fma(w1, a5);
            a6 = x1.fma(w2, a6);
            a7 = x1.fma(w3, a7);
            FloatVector x2 = FloatVector.fromArray(S, x, xo + 2 * in);
            a8 = x2.fma(w0, a8);
            a9 = x2.fma(w1, a9);
            a10 = x2.fma(w2, a10);
            a11 = x2.fma(w3, a11);
            FloatVector x3 = FloatVector.fromArray(S, x, xo + 3 * in);
            a12 = x3.fma(w0, a12);
            a13 = x3.fma(w1, a13);
            a14 = x3.fma(w2, a14);
            a15 = x3.fma(w3, a15);
        }
        a0.intoArray(sums, 0 * L);
        a1.intoArray(sums, 1 * L);
        a2.intoArray(sums, 2 * L);
        a3.intoArray(sums, 3 * L);
        a4.intoArray(sums, 4 * L);
        a5.intoArray(sums, 5 * L);
        a6.intoArray(sums, 6 * L);
        a7.intoArray(sums, 7 * L);
        a8.intoArray(sums, 8 * L);
        a9.intoArray(sums, 9 * L);
        a10.intoArray(sums, 10 * L);
        a11.intoArray(sums, 11 * L);
        a12.intoArray(sums, 12 * L);
        a13.intoArray(sums, 13 * L);
        a14.intoArray(sums, 14 * L);
        a15.intoArray(sums, 15 * L);
    }

    /** Outputs {@code [j, j + 2)} of rows {@code [r, r + 8)}, partial sums into {@code sums} (vector row·2 + output). */
    private void tile2(float[] x, int r, int j, float[] sums) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        int xo = r * in;
        int wo = j * steps * L;
        int end = xo + full * L;
        int ws = steps * L;
        // full steps: offsets linear in the loop variable, so C2 hoists the range checks
        for (; xo < end; xo += L, wo += L) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector w1 = FloatVector.fromArray(S, packed, wo + ws);
            FloatVector x0 = FloatVector.fromArray(S, x, xo);
            a0 = x0.fma(w0, a0);
            a1 = x0.fma(w1, a1);
            FloatVector x1 = FloatVector.fromArray(S, x, xo + in);
            a2 = x1.fma(w0, a2);
            a3 = x1.fma(w1, a3);
            FloatVector x2 = FloatVector.fromArray(S, x, xo + 2 * in);
            a4 = x2.fma(w0, a4);
            a5 = x2.fma(w1, a5);
            FloatVector x3 = FloatVector.fromArray(S, x, xo + 3 * in);
            a6 = x3.fma(w0, a6);
            a7 = x3.fma(w1, a7);
            FloatVector x4 = FloatVector.fromArray(S, x, xo + 4 * in);
            a8 = x4.fma(w0, a8);
            a9 = x4.fma(w1, a9);
            FloatVector x5 = FloatVector.fromArray(S, x, xo + 5 * in);
            a10 = x5.fma(w0, a10);
            a11 = x5.fma(w1, a11);
            FloatVector x6 = FloatVector.fromArray(S, x, xo + 6 * in);
            a12 = x6.fma(w0, a12);
            a13 = x6.fma(w1, a13);
            FloatVector x7 = FloatVector.fromArray(S, x, xo + 7 * in);
            a14 = x7.fma(w0, a14);
            a15 = x7.fma(w1, a15);
        }
        if (full < steps) {
            // the last step, over the row's last 16 inputs
            xo = r * in + in - L;
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector w1 = FloatVector.fromArray(S, packed, wo + ws);
            FloatVector x0 = FloatVector.fromArray(S, x, xo);
            a0 = x0.fma(w0, a0);
            a1 = x0.fma(w1, a1);
            FloatVector x1 = FloatVector.fromArray(S, x, xo + in);
            a2 = x1.fma(w0, a2);
            a3 = x1.fma(w1, a3);
            FloatVector x2 = FloatVector.fromArray(S, x, xo + 2 * in);
            a4 = x2.fma(w0, a4);
            a5 = x2.fma(w1, a5);
            FloatVector x3 = FloatVector.fromArray(S, x, xo + 3 * in);
            a6 = x3.fma(w0, a6);
            a7 = x3.fma(w1, a7);
            FloatVector x4 = FloatVector.fromArray(S, x, xo + 4 * in);
            a8 = x4.fma(w0, a8);
            a9 = x4.fma(w1, a9);
            FloatVector x5 = FloatVector.fromArray(S, x, xo + 5 * in);
            a10 = x5.fma(w0, a10);
            a11 = x5.fma(w1, a11);
            FloatVector x6 = FloatVector.fromArray(S, x, xo + 6 * in);
            a12 = x6.fma(w0, a12);
            a13 = x6.fma(w1, a13);
            FloatVector x7 = FloatVector.fromArray(S, x, xo + 7 * in);
            a14 = x7.fma(w0, a14);
            a15 = x7.fma(w1, a15);
        }
        a0.intoArray(sums, 0 * L);
        a1.intoArray(sums, 1 * L);
        a2.intoArray(sums, 2 * L);
        a3.intoArray(sums, 3 * L);
        a4.intoArray(sums, 4 * L);
        a5.intoArray(sums, 5 * L);
        a6.intoArray(sums, 6 * L);
        a7.intoArray(sums, 7 * L);
        a8.intoArray(sums, 8 * L);
        a9.intoArray(sums, 9 * L);
        a10.intoArray(sums, 10 * L);
        a11.intoArray(sums, 11 * L);
        a12.intoArray(sums, 12 * L);
        a13.intoArray(sums, 13 * L);
        a14.intoArray(sums, 14 * L);
        a15.intoArray(sums, 15 * L);
    }

    /** Outputs {@code [j, j + 1)} of rows {@code [r, r + 16)}, partial sums into {@code sums} (vector row·1 + output). */
    private void tile1(float[] x, int r, int j, float[] sums) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        int xo = r * in;
        int wo = j * steps * L;
        int end = xo + full * L;
        int ws = steps * L;
        // full steps: offsets linear in the loop variable, so C2 hoists the range checks
        for (; xo < end; xo += L, wo += L) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector x0 = FloatVector.fromArray(S, x, xo);
            a0 = x0.fma(w0, a0);
            FloatVector x1 = FloatVector.fromArray(S, x, xo + in);
            a1 = x1.fma(w0, a1);
            FloatVector x2 = FloatVector.fromArray(S, x, xo + 2 * in);
            a2 = x2.fma(w0, a2);
            FloatVector x3 = FloatVector.fromArray(S, x, xo + 3 * in);
            a3 = x3.fma(w0, a3);
            FloatVector x4 = FloatVector.fromArray(S, x, xo + 4 * in);
            a4 = x4.fma(w0, a4);
            FloatVector x5 = FloatVector.fromArray(S, x, xo + 5 * in);
            a5 = x5.fma(w0, a5);
            FloatVector x6 = FloatVector.fromArray(S, x, xo + 6 * in);
            a6 = x6.fma(w0, a6);
            FloatVector x7 = FloatVector.fromArray(S, x, xo + 7 * in);
            a7 = x7.fma(w0, a7);
            FloatVector x8 = FloatVector.fromArray(S, x, xo + 8 * in);
            a8 = x8.fma(w0, a8);
            FloatVector x9 = FloatVector.fromArray(S, x, xo + 9 * in);
            a9 = x9.fma(w0, a9);
            FloatVector x10 = FloatVector.fromArray(S, x, xo + 10 * in);
            a10 = x10.fma(w0, a10);
            FloatVector x11 = FloatVector.fromArray(S, x, xo + 11 * in);
            a11 = x11.fma(w0, a11);
            FloatVector x12 = FloatVector.fromArray(S, x, xo + 12 * in);
            a12 = x12.fma(w0, a12);
            FloatVector x13 = FloatVector.fromArray(S, x, xo + 13 * in);
            a13 = x13.fma(w0, a13);
            FloatVector x14 = FloatVector.fromArray(S, x, xo + 14 * in);
            a14 = x14.fma(w0, a14);
            FloatVector x15 = FloatVector.fromArray(S, x, xo + 15 * in);
            a15 = x15.fma(w0, a15);
        }
        if (full < steps) {
            // the last step, over the row's last 16 inputs
            xo = r * in + in - L;
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector x0 = FloatVector.fromArray(S, x, xo);
            a0 = x0.fma(w0, a0);
            FloatVector x1 = FloatVector.fromArray(S, x, xo + in);
            a1 = x1.fma(w0, a1);
            FloatVector x2 = FloatVector.fromArray(S, x, xo + 2 * in);
            a2 = x2.fma(w0, a2);
            FloatVector x3 = FloatVector.fromArray(S, x, xo + 3 * in);
            a3 = x3.fma(w0, a3);
            FloatVector x4 = FloatVector.fromArray(S, x, xo + 4 * in);
            a4 = x4.fma(w0, a4);
            FloatVector x5 = FloatVector.fromArray(S, x, xo + 5 * in);
            a5 = x5.fma(w0, a5);
            FloatVector x6 = FloatVector.fromArray(S, x, xo + 6 * in);
            a6 = x6.fma(w0, a6);
            FloatVector x7 = FloatVector.fromArray(S, x, xo + 7 * in);
            a7 = x7.fma(w0, a7);
            FloatVector x8 = FloatVector.fromArray(S, x, xo + 8 * in);
            a8 = x8.fma(w0, a8);
            FloatVector x9 = FloatVector.fromArray(S, x, xo + 9 * in);
            a9 = x9.fma(w0, a9);
            FloatVector x10 = FloatVector.fromArray(S, x, xo + 10 * in);
            a10 = x10.fma(w0, a10);
            FloatVector x11 = FloatVector.fromArray(S, x, xo + 11 * in);
            a11 = x11.fma(w0, a11);
            FloatVector x12 = FloatVector.fromArray(S, x, xo + 12 * in);
            a12 = x12.fma(w0, a12);
            FloatVector x13 = FloatVector.fromArray(S, x, xo + 13 * in);
            a13 = x13.fma(w0, a13);
            FloatVector x14 = FloatVector.fromArray(S, x, xo + 14 * in);
            a14 = x14.fma(w0, a14);
            FloatVector x15 = FloatVector.fromArray(S, x, xo + 15 * in);
            a15 = x15.fma(w0, a15);
        }
        a0.intoArray(sums, 0 * L);
        a1.intoArray(sums, 1 * L);
        a2.intoArray(sums, 2 * L);
        a3.intoArray(sums, 3 * L);
        a4.intoArray(sums, 4 * L);
        a5.intoArray(sums, 5 * L);
        a6.intoArray(sums, 6 * L);
        a7.intoArray(sums, 7 * L);
        a8.intoArray(sums, 8 * L);
        a9.intoArray(sums, 9 * L);
        a10.intoArray(sums, 10 * L);
        a11.intoArray(sums, 11 * L);
        a12.intoArray(sums, 12 * L);
        a13.intoArray(sums, 13 * L);
        a14.intoArray(sums, 14 * L);
        a15.intoArray(sums, 15 * L);
    }

    /**
     * Replaces the first vector of {@code v} (16 vectors of 16 partial sums) by the 16 sums: lane t = the sum of
     * vector t. Each fold keeps, in the lanes whose bit s is clear, the first vector's pair sums and in the others
     * the second's, so after folding by 8, 4, 2 and 1 lane t holds the full sum of vector t. A lane's partner is
     * read from memory at an offset of s lanes rather than moved by a shuffle: the Vector API checks a shuffle's
     * indexes at every use, which made the folds a third of the kernel's time (304 inputs, 4 outputs, batch
     * 256, one core: 3.0 of 9.2 µs; 0.6–1.0 µs read from memory).
     * The folds work through memory in short loops: unrolled in registers, they push C2 past its inlining budget
     * and it stops inlining the Vector API calls (boxing every vector).
     */
    private static void fold16(float[] v) {
        for (int i = 0; i < 8; i++) {
            fold(v, i, 8);
        }
        for (int i = 0; i < 4; i++) {
            fold(v, i, 4);
        }
        for (int i = 0; i < 2; i++) {
            fold(v, i, 2);
        }
        fold(v, 0, 1);
    }

    /**
     * Vector i := lane t: {@code a[t] + a[t + s]} where bit s of t is clear, {@code b[t] + b[t - s]} where set, for
     * a = vector i and b = vector i + s: the reads at ±s lanes stay inside the 16 vectors. No vector or mask
     * crosses the method's boundary: where C2 does not inline it (it is called from big methods), a vector
     * parameter or result would be boxed, and a mask parameter's unknown class sends the Vector API to its Java
     * fallback.
     */
    private static void fold(float[] v, int i, int s) {
        FloatVector a = FloatVector.fromArray(S, v, i * L).add(FloatVector.fromArray(S, v, i * L + s));
        int k = (i + s) * L;
        FloatVector b = FloatVector.fromArray(S, v, k).add(FloatVector.fromArray(S, v, k - s));
        a.blend(b, s == 8 ? HIGH8 : s == 4 ? HIGH4 : s == 2 ? HIGH2 : HIGH1).intoArray(v, i * L);
    }

    /** Output j of one row. */
    private float row(float[] x, int r, int j) {
        FloatVector a = FloatVector.zero(S);
        int base = r * in;
        int wo = j * steps * L;
        for (int s = 0; s < steps; s++, wo += L) {
            a = FloatVector.fromArray(S, x, base + start(s)).fma(FloatVector.fromArray(S, packed, wo), a);
        }
        return a.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static VectorMask<Float> high(int s) {
        boolean[] m = new boolean[L];
        for (int t = 0; t < L; t++) {
            m[t] = (t & s) != 0;
        }
        return VectorMask.fromArray(S, m, 0);
    }
}
