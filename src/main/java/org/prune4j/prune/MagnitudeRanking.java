package org.prune4j.prune;

import java.util.Arrays;

/**
 * Orders weights for magnitude pruning: already-pruned weights first (they must stay pruned), then by |w|
 * ascending, ties broken by position (row-major, then layer order) so results are deterministic.
 */
final class MagnitudeRanking {
    private MagnitudeRanking() {
    }

    /**
     * Sort key of one weight; {@code position} must be below 2^31.
     * Non-negative floats order like their bit patterns, so |w| becomes an int key.
     */
    static long key(float weight, float mask, long position) {
        long magnitude = mask == 0f ? 0L : 1L + Float.floatToIntBits(Math.abs(weight));
        return (magnitude << 31) | position;
    }

    /**
     * Zeroes the {@code count} lowest-ranked entries of the masks.
     *
     * @param layers layers ranked together (one for per-layer pruning, several for global)
     * @param count  how many weights are pruned afterwards in total
     * @return new masks, one per layer
     */
    static float[][] pruneLowest(LayerWeights[] layers, long count) {
        long total = 0;
        for (LayerWeights l : layers) {
            total += l.size();
        }
        if (total >= (1L << 31)) {
            throw new IllegalArgumentException("too many weights to rank at once: " + total);
        }
        long[] keys = new long[(int) total];
        int k = 0;
        for (LayerWeights l : layers) {
            for (int i = 0; i < l.weights.length; i++, k++) {
                keys[k] = key(l.weights[i], l.mask[i], k);
            }
        }
        Arrays.sort(keys);
        float[][] masks = new float[layers.length][];
        int[] offsets = new int[layers.length];
        int offset = 0;
        for (int i = 0; i < layers.length; i++) {
            masks[i] = layers[i].mask.clone();
            offsets[i] = offset;
            offset += layers[i].weights.length;
        }
        long mask31 = (1L << 31) - 1;
        for (int j = 0; j < count; j++) {
            int position = (int) (keys[j] & mask31);
            int layer = layerOf(offsets, position);
            masks[layer][position - offsets[layer]] = 0f;
        }
        return masks;
    }

    private static int layerOf(int[] offsets, int position) {
        int i = Arrays.binarySearch(offsets, position);
        return i >= 0 ? i : -i - 2;
    }
}
