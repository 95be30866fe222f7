package org.prune4j.dense;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense GEMM with the Vector API: weights pre-packed into panels of up to 4 vectors of columns ({@code [in][4·L]}
 * contiguous, L = floats per vector), a register tile of 4 batch rows × 4 vectors (16 accumulators, 4 weight loads
 * and 4 broadcasts per 16 FMAs; 8 rows for panels of 1 or 2 vectors), inputs blocked by {@value #K_BLOCK} so that
 * a panel block (32 KB) stays in L1 while every row tile uses it: a tile needs 16 bytes of weights per FMA, more
 * than L2 delivers. Batch 1 uses two accumulator sets over alternate inputs to hide the FMA latency. Cores split
 * the panels, so each reads its own share of the weights once.
 *
 * <p>Load only after {@link VectorApi#available()}: it links against {@code jdk.incubator.vector}.
 */
final class VectorGemm implements DenseKernel {
    private static final VectorSpecies<Float> S = Simd.FLOATS;
    private static final int L = Simd.LANES;
    /** Inputs per block: a 4-vector panel block is then 32 KB on AVX-512, which stays in L1 (48 KB). */
    static final int K_BLOCK = 128;
    /** Multiply-adds from which both cores help: each part must outweigh the hand-off (about a microsecond). */
    private static final long PARALLEL_WORK = 1L << 17;
    /**
     * Below this, a batch of at least 16 rows is split by rows only, each part running all panels: a smaller layer's
     * weights fit in both cores' L2, and parts of one panel's few rows were too short to pay for their hand-off
     * (300×40 at batch 32: 8.0 µs on one core, 8.6 µs in panel × row parts, 5.5 µs in row parts).
     */
    private static final long ROW_SPLIT_WORK = 1L << 19;

    private final int in;
    private final int out;
    private final float[] packed;
    /** Per panel: first column, vectors (4, 2 or 1), offset in {@link #packed}. */
    private final int[] panelCol;
    private final int[] panelVectors;
    private final int[] panelOffset;

    private VectorGemm(float[] w, int in, int out) {
        DenseKernel.checkWeights(w, in, out);
        this.in = in;
        this.out = out;
        int strips = (out + L - 1) / L;
        int panels = strips / 4 + Integer.bitCount(strips % 4);
        panelCol = new int[panels];
        panelVectors = new int[panels];
        panelOffset = new int[panels];
        int col = 0;
        int offset = 0;
        int p = 0;
        for (int left = strips; left > 0; p++) {
            int v = left >= 4 ? 4 : left >= 2 ? 2 : 1;
            panelCol[p] = col;
            panelVectors[p] = v;
            panelOffset[p] = offset;
            col += v * L;
            offset += v * L * in;
            left -= v;
        }
        packed = new float[offset];
        for (p = 0; p < panels; p++) {
            int width = panelVectors[p] * L;
            for (int k = 0; k < in; k++) {
                for (int j = 0; j < width; j++) {
                    int c = panelCol[p] + j;
                    packed[panelOffset[p] + k * width + j] = c < out ? w[k * out + c] : 0f;
                }
            }
        }
    }

    static VectorGemm create(float[] w, int in, int out) {
        return new VectorGemm(w, in, out);
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
        int panels = panelCol.length;
        int wanted = 2 * Parallel.cores();
        long work = (long) batch * in * out;
        if (work < PARALLEL_WORK || Parallel.cores() == 1) {
            run(x, y, 0, batch, 0, panels);
        } else if (work < ROW_SPLIT_WORK) {
            if (batch >= 16) {
                // parts of whole 8-row tiles (the tile height of narrow panels), each over all panels
                int tiles = batch / 8;
                int parts = Math.min(wanted, tiles);
                Parallel.run(parts, q -> run(x, y, tiles * q / parts * 8,
                        q == parts - 1 ? batch : tiles * (q + 1) / parts * 8, 0, panels));
            } else if (panels > 1) {
                Parallel.run(panels, p -> run(x, y, 0, batch, p, p + 1));
            } else {
                run(x, y, 0, batch, 0, panels);
            }
        } else if (panels >= wanted || batch < 8) {
            // one part per panel, claimed by whichever core is free: disjoint weights, balanced work
            Parallel.run(panels, p -> run(x, y, 0, batch, p, p + 1));
        } else {
            // few panels (a narrow layer, e.g. a shrunk one): also split the rows, in whole 4-row tiles
            int groups = Math.min((wanted + panels - 1) / panels, (batch + 3) / 4);
            int tiles = (batch + 3) / 4;
            Parallel.run(panels * groups, q -> {
                int p = q % panels;
                int g = q / panels;
                run(x, y, Math.min(batch, tiles * g / groups * 4), Math.min(batch, tiles * (g + 1) / groups * 4), p, p + 1);
            });
        }
    }

    private void run(float[] x, float[] y, int r0, int r1, int p0, int p1) {
        // Kernels add their tile into the destination, so clear this part's outputs first.
        int c0 = panelCol[p0];
        int c1 = Math.min(out, p1 < panelCol.length ? panelCol[p1] : out);
        for (int r = r0; r < r1; r++) {
            java.util.Arrays.fill(y, r * out + c0, r * out + c1, 0f);
        }
        // The last panel may be padded past the outputs: it accumulates in a scratch tile over all input blocks,
        // whose real columns are added once at the end (per block, that copy cost a quarter of a narrow layer).
        int padded = panelCol[p1 - 1] + panelVectors[p1 - 1] * L > out ? p1 - 1 : -1;
        int rows = r1 - r0;
        float[] scratch = padded >= 0 ? new float[rows * panelVectors[padded] * L] : null;
        for (int k0 = 0; k0 < in; k0 += K_BLOCK) {
            int k1 = Math.min(in, k0 + K_BLOCK);
            for (int p = p0; p < p1; p++) {
                if (p != padded) {
                    panel(x, r0, r1, p, k0, k1, y, r0 * out + panelCol[p], out);
                } else {
                    panel(x, r0, r1, p, k0, k1, scratch, 0, panelVectors[p] * L);
                }
            }
        }
        if (padded >= 0) {
            int width = panelVectors[padded] * L;
            int valid = out - panelCol[padded];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(scratch, i * width, y, (r0 + i) * out + panelCol[padded], valid);
            }
        }
    }

    /** Rows {@code [r0, r1)} of one panel into {@code d} from offset {@code o} with row stride {@code stride}. */
    private void panel(float[] x, int r0, int r1, int p, int k0, int k1, float[] d, int o, int stride) {
        int r = r0;
        switch (panelVectors[p]) {
            case 4 -> {
                for (; r + 4 <= r1; r += 4, o += 4 * stride) {
                    tile4x4(x, r, p, k0, k1, d, o, stride);
                }
                for (; r < r1; r++, o += stride) {
                    row4(x, r, p, k0, k1, d, o, stride);
                }
            }
            case 2 -> {
                for (; r + 8 <= r1; r += 8, o += 8 * stride) {
                    tile8x2(x, r, p, k0, k1, d, o, stride);
                }
                for (; r + 4 <= r1; r += 4, o += 4 * stride) {
                    tile4x2(x, r, p, k0, k1, d, o, stride);
                }
                for (; r < r1; r++, o += stride) {
                    row2(x, r, p, k0, k1, d, o, stride);
                }
            }
            default -> {
                for (; r + 8 <= r1; r += 8, o += 8 * stride) {
                    tile8x1(x, r, p, k0, k1, d, o, stride);
                }
                for (; r + 4 <= r1; r += 4, o += 4 * stride) {
                    tile4x1(x, r, p, k0, k1, d, o, stride);
                }
                for (; r < r1; r++, o += stride) {
                    row1(x, r, p, k0, k1, d, o, stride);
                }
            }
        }
    }

    private void tile4x4(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = 4 * L;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int x0 = r * in, x1 = x0 + in, x2 = x1 + in, x3 = x2 + in;
        int wo = panelOffset[p] + k0 * width;
        for (int k = k0; k < k1; k++, wo += width) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector w1 = FloatVector.fromArray(S, packed, wo + L);
            FloatVector w2 = FloatVector.fromArray(S, packed, wo + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, packed, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = w0.fma(a, c00);
            c01 = w1.fma(a, c01);
            c02 = w2.fma(a, c02);
            c03 = w3.fma(a, c03);
            a = FloatVector.broadcast(S, x[x1 + k]);
            c10 = w0.fma(a, c10);
            c11 = w1.fma(a, c11);
            c12 = w2.fma(a, c12);
            c13 = w3.fma(a, c13);
            a = FloatVector.broadcast(S, x[x2 + k]);
            c20 = w0.fma(a, c20);
            c21 = w1.fma(a, c21);
            c22 = w2.fma(a, c22);
            c23 = w3.fma(a, c23);
            a = FloatVector.broadcast(S, x[x3 + k]);
            c30 = w0.fma(a, c30);
            c31 = w1.fma(a, c31);
            c32 = w2.fma(a, c32);
            c33 = w3.fma(a, c33);
        }
        c00.add(FloatVector.fromArray(S, d, o)).intoArray(d, o);
        c01.add(FloatVector.fromArray(S, d, o + L)).intoArray(d, o + L);
        c02.add(FloatVector.fromArray(S, d, o + 2 * L)).intoArray(d, o + 2 * L);
        c03.add(FloatVector.fromArray(S, d, o + 3 * L)).intoArray(d, o + 3 * L);
        c10.add(FloatVector.fromArray(S, d, o + stride)).intoArray(d, o + stride);
        c11.add(FloatVector.fromArray(S, d, o + stride + L)).intoArray(d, o + stride + L);
        c12.add(FloatVector.fromArray(S, d, o + stride + 2 * L)).intoArray(d, o + stride + 2 * L);
        c13.add(FloatVector.fromArray(S, d, o + stride + 3 * L)).intoArray(d, o + stride + 3 * L);
        c20.add(FloatVector.fromArray(S, d, o + 2 * stride)).intoArray(d, o + 2 * stride);
        c21.add(FloatVector.fromArray(S, d, o + 2 * stride + L)).intoArray(d, o + 2 * stride + L);
        c22.add(FloatVector.fromArray(S, d, o + 2 * stride + 2 * L)).intoArray(d, o + 2 * stride + 2 * L);
        c23.add(FloatVector.fromArray(S, d, o + 2 * stride + 3 * L)).intoArray(d, o + 2 * stride + 3 * L);
        c30.add(FloatVector.fromArray(S, d, o + 3 * stride)).intoArray(d, o + 3 * stride);
        c31.add(FloatVector.fromArray(S, d, o + 3 * stride + L)).intoArray(d, o + 3 * stride + L);
        c32.add(FloatVector.fromArray(S, d, o + 3 * stride + 2 * L)).intoArray(d, o + 3 * stride + 2 * L);
        c33.add(FloatVector.fromArray(S, d, o + 3 * stride + 3 * L)).intoArray(d, o + 3 * stride + 3 * L);
    }

    private void tile4x2(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = 2 * L;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        int x0 = r * in, x1 = x0 + in, x2 = x1 + in, x3 = x2 + in;
        int wo = panelOffset[p] + k0 * width;
        for (int k = k0; k < k1; k++, wo += width) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector w1 = FloatVector.fromArray(S, packed, wo + L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = w0.fma(a, c00);
            c01 = w1.fma(a, c01);
            a = FloatVector.broadcast(S, x[x1 + k]);
            c10 = w0.fma(a, c10);
            c11 = w1.fma(a, c11);
            a = FloatVector.broadcast(S, x[x2 + k]);
            c20 = w0.fma(a, c20);
            c21 = w1.fma(a, c21);
            a = FloatVector.broadcast(S, x[x3 + k]);
            c30 = w0.fma(a, c30);
            c31 = w1.fma(a, c31);
        }
        c00.add(FloatVector.fromArray(S, d, o)).intoArray(d, o);
        c01.add(FloatVector.fromArray(S, d, o + L)).intoArray(d, o + L);
        c10.add(FloatVector.fromArray(S, d, o + stride)).intoArray(d, o + stride);
        c11.add(FloatVector.fromArray(S, d, o + stride + L)).intoArray(d, o + stride + L);
        c20.add(FloatVector.fromArray(S, d, o + 2 * stride)).intoArray(d, o + 2 * stride);
        c21.add(FloatVector.fromArray(S, d, o + 2 * stride + L)).intoArray(d, o + 2 * stride + L);
        c30.add(FloatVector.fromArray(S, d, o + 3 * stride)).intoArray(d, o + 3 * stride);
        c31.add(FloatVector.fromArray(S, d, o + 3 * stride + L)).intoArray(d, o + 3 * stride + L);
    }

    /**
     * Eight rows of a two-vector panel (narrow, e.g. shrunk, layers): 16 accumulators and 10 loads per 16 FMAs,
     * where a 4-row tile needs 6 loads per 8.
     */
    private void tile8x2(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = 2 * L;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        int xr = r * in;
        int wo = panelOffset[p] + k0 * width;
        for (int k = k0; k < k1; k++, wo += width) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            FloatVector w1 = FloatVector.fromArray(S, packed, wo + L);
            FloatVector a;
            a = FloatVector.broadcast(S, x[xr + 0 * in + k]);
            c00 = w0.fma(a, c00);
            c01 = w1.fma(a, c01);
            a = FloatVector.broadcast(S, x[xr + 1 * in + k]);
            c10 = w0.fma(a, c10);
            c11 = w1.fma(a, c11);
            a = FloatVector.broadcast(S, x[xr + 2 * in + k]);
            c20 = w0.fma(a, c20);
            c21 = w1.fma(a, c21);
            a = FloatVector.broadcast(S, x[xr + 3 * in + k]);
            c30 = w0.fma(a, c30);
            c31 = w1.fma(a, c31);
            a = FloatVector.broadcast(S, x[xr + 4 * in + k]);
            c40 = w0.fma(a, c40);
            c41 = w1.fma(a, c41);
            a = FloatVector.broadcast(S, x[xr + 5 * in + k]);
            c50 = w0.fma(a, c50);
            c51 = w1.fma(a, c51);
            a = FloatVector.broadcast(S, x[xr + 6 * in + k]);
            c60 = w0.fma(a, c60);
            c61 = w1.fma(a, c61);
            a = FloatVector.broadcast(S, x[xr + 7 * in + k]);
            c70 = w0.fma(a, c70);
            c71 = w1.fma(a, c71);
        }
        c00.add(FloatVector.fromArray(S, d, o + 0 * stride)).intoArray(d, o + 0 * stride);
        c01.add(FloatVector.fromArray(S, d, o + 0 * stride + L)).intoArray(d, o + 0 * stride + L);
        c10.add(FloatVector.fromArray(S, d, o + 1 * stride)).intoArray(d, o + 1 * stride);
        c11.add(FloatVector.fromArray(S, d, o + 1 * stride + L)).intoArray(d, o + 1 * stride + L);
        c20.add(FloatVector.fromArray(S, d, o + 2 * stride)).intoArray(d, o + 2 * stride);
        c21.add(FloatVector.fromArray(S, d, o + 2 * stride + L)).intoArray(d, o + 2 * stride + L);
        c30.add(FloatVector.fromArray(S, d, o + 3 * stride)).intoArray(d, o + 3 * stride);
        c31.add(FloatVector.fromArray(S, d, o + 3 * stride + L)).intoArray(d, o + 3 * stride + L);
        c40.add(FloatVector.fromArray(S, d, o + 4 * stride)).intoArray(d, o + 4 * stride);
        c41.add(FloatVector.fromArray(S, d, o + 4 * stride + L)).intoArray(d, o + 4 * stride + L);
        c50.add(FloatVector.fromArray(S, d, o + 5 * stride)).intoArray(d, o + 5 * stride);
        c51.add(FloatVector.fromArray(S, d, o + 5 * stride + L)).intoArray(d, o + 5 * stride + L);
        c60.add(FloatVector.fromArray(S, d, o + 6 * stride)).intoArray(d, o + 6 * stride);
        c61.add(FloatVector.fromArray(S, d, o + 6 * stride + L)).intoArray(d, o + 6 * stride + L);
        c70.add(FloatVector.fromArray(S, d, o + 7 * stride)).intoArray(d, o + 7 * stride);
        c71.add(FloatVector.fromArray(S, d, o + 7 * stride + L)).intoArray(d, o + 7 * stride + L);
    }

    /** Eight rows of a one-vector panel: eight independent accumulators hide the FMA latency. */
    private void tile8x1(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = L;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        int xr = r * in;
        int wo = panelOffset[p] + k0 * width;
        for (int k = k0; k < k1; k++, wo += width) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            c0 = w0.fma(FloatVector.broadcast(S, x[xr + 0 * in + k]), c0);
            c1 = w0.fma(FloatVector.broadcast(S, x[xr + 1 * in + k]), c1);
            c2 = w0.fma(FloatVector.broadcast(S, x[xr + 2 * in + k]), c2);
            c3 = w0.fma(FloatVector.broadcast(S, x[xr + 3 * in + k]), c3);
            c4 = w0.fma(FloatVector.broadcast(S, x[xr + 4 * in + k]), c4);
            c5 = w0.fma(FloatVector.broadcast(S, x[xr + 5 * in + k]), c5);
            c6 = w0.fma(FloatVector.broadcast(S, x[xr + 6 * in + k]), c6);
            c7 = w0.fma(FloatVector.broadcast(S, x[xr + 7 * in + k]), c7);
        }
        c0.add(FloatVector.fromArray(S, d, o + 0 * stride)).intoArray(d, o + 0 * stride);
        c1.add(FloatVector.fromArray(S, d, o + 1 * stride)).intoArray(d, o + 1 * stride);
        c2.add(FloatVector.fromArray(S, d, o + 2 * stride)).intoArray(d, o + 2 * stride);
        c3.add(FloatVector.fromArray(S, d, o + 3 * stride)).intoArray(d, o + 3 * stride);
        c4.add(FloatVector.fromArray(S, d, o + 4 * stride)).intoArray(d, o + 4 * stride);
        c5.add(FloatVector.fromArray(S, d, o + 5 * stride)).intoArray(d, o + 5 * stride);
        c6.add(FloatVector.fromArray(S, d, o + 6 * stride)).intoArray(d, o + 6 * stride);
        c7.add(FloatVector.fromArray(S, d, o + 7 * stride)).intoArray(d, o + 7 * stride);
    }

    private void tile4x1(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = L;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int x0 = r * in, x1 = x0 + in, x2 = x1 + in, x3 = x2 + in;
        int wo = panelOffset[p] + k0 * width;
        for (int k = k0; k < k1; k++, wo += width) {
            FloatVector w0 = FloatVector.fromArray(S, packed, wo);
            c0 = w0.fma(FloatVector.broadcast(S, x[x0 + k]), c0);
            c1 = w0.fma(FloatVector.broadcast(S, x[x1 + k]), c1);
            c2 = w0.fma(FloatVector.broadcast(S, x[x2 + k]), c2);
            c3 = w0.fma(FloatVector.broadcast(S, x[x3 + k]), c3);
        }
        c0.add(FloatVector.fromArray(S, d, o)).intoArray(d, o);
        c1.add(FloatVector.fromArray(S, d, o + stride)).intoArray(d, o + stride);
        c2.add(FloatVector.fromArray(S, d, o + 2 * stride)).intoArray(d, o + 2 * stride);
        c3.add(FloatVector.fromArray(S, d, o + 3 * stride)).intoArray(d, o + 3 * stride);
    }

    private void row4(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = 4 * L;
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        int xo = r * in;
        int wo = panelOffset[p] + k0 * width;
        int k = k0;
        // counted (k < pairs, not k + 1 < k1), so C2 drops the range checks and the safepoint poll
        for (int pairs = k1 - ((k1 - k0) & 1); k < pairs; k += 2, wo += 2 * width) {
            FloatVector a = FloatVector.broadcast(S, x[xo + k]);
            a0 = FloatVector.fromArray(S, packed, wo).fma(a, a0);
            a1 = FloatVector.fromArray(S, packed, wo + L).fma(a, a1);
            a2 = FloatVector.fromArray(S, packed, wo + 2 * L).fma(a, a2);
            a3 = FloatVector.fromArray(S, packed, wo + 3 * L).fma(a, a3);
            FloatVector b = FloatVector.broadcast(S, x[xo + k + 1]);
            b0 = FloatVector.fromArray(S, packed, wo + width).fma(b, b0);
            b1 = FloatVector.fromArray(S, packed, wo + width + L).fma(b, b1);
            b2 = FloatVector.fromArray(S, packed, wo + width + 2 * L).fma(b, b2);
            b3 = FloatVector.fromArray(S, packed, wo + width + 3 * L).fma(b, b3);
        }
        if (k < k1) {
            FloatVector a = FloatVector.broadcast(S, x[xo + k]);
            a0 = FloatVector.fromArray(S, packed, wo).fma(a, a0);
            a1 = FloatVector.fromArray(S, packed, wo + L).fma(a, a1);
            a2 = FloatVector.fromArray(S, packed, wo + 2 * L).fma(a, a2);
            a3 = FloatVector.fromArray(S, packed, wo + 3 * L).fma(a, a3);
        }
        a0.add(b0).add(FloatVector.fromArray(S, d, o)).intoArray(d, o);
        a1.add(b1).add(FloatVector.fromArray(S, d, o + L)).intoArray(d, o + L);
        a2.add(b2).add(FloatVector.fromArray(S, d, o + 2 * L)).intoArray(d, o + 2 * L);
        a3.add(b3).add(FloatVector.fromArray(S, d, o + 3 * L)).intoArray(d, o + 3 * L);
    }

    private void row2(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = 2 * L;
        FloatVector a0 = FloatVector.zero(S), a1 = a0, b0 = a0, b1 = a0;
        int xo = r * in;
        int wo = panelOffset[p] + k0 * width;
        int k = k0;
        // counted (k < pairs, not k + 1 < k1), so C2 drops the range checks and the safepoint poll
        for (int pairs = k1 - ((k1 - k0) & 1); k < pairs; k += 2, wo += 2 * width) {
            FloatVector a = FloatVector.broadcast(S, x[xo + k]);
            a0 = FloatVector.fromArray(S, packed, wo).fma(a, a0);
            a1 = FloatVector.fromArray(S, packed, wo + L).fma(a, a1);
            FloatVector b = FloatVector.broadcast(S, x[xo + k + 1]);
            b0 = FloatVector.fromArray(S, packed, wo + width).fma(b, b0);
            b1 = FloatVector.fromArray(S, packed, wo + width + L).fma(b, b1);
        }
        if (k < k1) {
            FloatVector a = FloatVector.broadcast(S, x[xo + k]);
            a0 = FloatVector.fromArray(S, packed, wo).fma(a, a0);
            a1 = FloatVector.fromArray(S, packed, wo + L).fma(a, a1);
        }
        a0.add(b0).add(FloatVector.fromArray(S, d, o)).intoArray(d, o);
        a1.add(b1).add(FloatVector.fromArray(S, d, o + L)).intoArray(d, o + L);
    }

    private void row1(float[] x, int r, int p, int k0, int k1, float[] d, int o, int stride) {
        final int width = L;
        FloatVector a0 = FloatVector.zero(S), b0 = a0;
        int xo = r * in;
        int wo = panelOffset[p] + k0 * width;
        int k = k0;
        // counted (k < pairs, not k + 1 < k1), so C2 drops the range checks and the safepoint poll
        for (int pairs = k1 - ((k1 - k0) & 1); k < pairs; k += 2, wo += 2 * width) {
            a0 = FloatVector.fromArray(S, packed, wo).fma(FloatVector.broadcast(S, x[xo + k]), a0);
            b0 = FloatVector.fromArray(S, packed, wo + width).fma(FloatVector.broadcast(S, x[xo + k + 1]), b0);
        }
        if (k < k1) {
            a0 = FloatVector.fromArray(S, packed, wo).fma(FloatVector.broadcast(S, x[xo + k]), a0);
        }
        a0.add(b0).add(FloatVector.fromArray(S, d, o)).intoArray(d, o);
    }
}
