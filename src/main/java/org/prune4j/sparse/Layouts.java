package org.prune4j.sparse;

import org.prune4j.dense.InputCheck;

/**
 * The batched kernels' activation layouts and the transposes into and out of them (paid only at a network's edges).
 *
 * <ul>
 * <li><b>chunked</b> {@code [chunks][features][width]} (vector kernels): the batch is cut into chunks of
 * {@code width} = 1, 2, 4 or 8 vectors, so each non-zero drives contiguous FMAs over a chunk (the more, the more
 * FMAs share its index, broadcast and range checks), and a feature's chunk is at most 512 bytes from the next (a
 * 1 KB stride at batch 256 made loads alias in L1);</li>
 * <li><b>rows</b> {@code float[features][batch]} (plain Java): one array per feature, which HotSpot vectorizes.</li>
 * </ul>
 * The scalar chunked transposes here are the reference for the vector ones in {@link VectorSparseOps}.
 */
final class Layouts {
    private static final int TILE = 16;

    private Layouts() {
    }

    /**
     * @param batch batch size
     * @param lanes floats per vector
     * @return the chunk width: the smallest of 1, 2, 4 vectors that holds the batch, else {@link #MAX_VECTORS}
     */
    static int chunkWidth(int batch, int lanes) {
        for (int v = 1; v < MAX_VECTORS; v *= 2) {
            if (batch <= v * lanes) {
                return v * lanes;
            }
        }
        return MAX_VECTORS * lanes;
    }

    /** Vectors in the widest chunk. */
    static final int MAX_VECTORS = 8;

    static int chunks(int batch, int width) {
        return (int) (((long) batch + width - 1) / width); // long: a batch near Integer.MAX_VALUE must not wrap
    }

    /**
     * Transposes {@code x [batch × features]} into chunked {@code dst} (padding columns stay as they are: zero).
     *
     * @throws IllegalArgumentException if {@code x} holds a NaN or infinity
     */
    static void toChunked(float[] x, int batch, int features, int width, float[] dst) {
        int max = 0;
        for (int b0 = 0; b0 < batch; b0 += width) {
            int base = (b0 / width) * features * width;
            int b1 = Math.min(batch, b0 + width);
            for (int k0 = 0; k0 < features; k0 += TILE) {
                int k1 = Math.min(features, k0 + TILE);
                for (int b = b0; b < b1; b++) {
                    int xo = b * features;
                    int d = base + (b - b0);
                    for (int k = k0; k < k1; k++) {
                        float v = x[xo + k];
                        max = Math.max(max, Float.floatToRawIntBits(v) & 0x7fffffff);
                        dst[d + k * width] = v;
                    }
                }
            }
        }
        if (max >= 0x7f800000) {
            InputCheck.finite(x, features);
        }
    }

    /** Transposes chunked {@code src} back into {@code y [batch × features]}. */
    static void fromChunked(float[] src, int batch, int features, int width, float[] y) {
        for (int b0 = 0; b0 < batch; b0 += width) {
            int base = (b0 / width) * features * width;
            int b1 = Math.min(batch, b0 + width);
            for (int k0 = 0; k0 < features; k0 += TILE) {
                int k1 = Math.min(features, k0 + TILE);
                for (int b = b0; b < b1; b++) {
                    int yo = b * features;
                    int s = base + (b - b0);
                    for (int k = k0; k < k1; k++) {
                        y[yo + k] = src[s + k * width];
                    }
                }
            }
        }
    }

    /** Transposes {@code x [batch × features]} into rows {@code dst[features][batch]}. */
    static void toRows(float[] x, int batch, int features, float[][] dst) {
        int max = 0;
        for (int k0 = 0; k0 < features; k0 += TILE) {
            int k1 = Math.min(features, k0 + TILE);
            for (int b = 0; b < batch; b++) {
                int xo = b * features;
                for (int k = k0; k < k1; k++) {
                    float v = x[xo + k];
                    max = Math.max(max, Float.floatToRawIntBits(v) & 0x7fffffff);
                    dst[k][b] = v;
                }
            }
        }
        if (max >= 0x7f800000) {
            InputCheck.finite(x, features);
        }
    }

    /** Transposes rows {@code src[features][batch]} back into {@code y [batch × features]}. */
    static void fromRows(float[][] src, int batch, int features, float[] y) {
        for (int k0 = 0; k0 < features; k0 += TILE) {
            int k1 = Math.min(features, k0 + TILE);
            for (int b = 0; b < batch; b++) {
                int yo = b * features;
                for (int k = k0; k < k1; k++) {
                    y[yo + k] = src[k][b];
                }
            }
        }
    }
}
