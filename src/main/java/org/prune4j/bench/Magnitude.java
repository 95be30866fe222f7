package org.prune4j.bench;

import java.util.Arrays;

/**
 * Magnitude pruning of one weight matrix for the timing harness (the {@code prune} package does it for real
 * networks): the {@code round(s · n)} smallest magnitudes become zero.
 */
final class Magnitude {
    private final float[] weights;
    private final float[] sortedMagnitudes;

    /** @param weights the weights (kept; sorted once for all sparsities) */
    Magnitude(float[] weights) {
        this.weights = weights;
        this.sortedMagnitudes = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            sortedMagnitudes[i] = Math.abs(weights[i]);
        }
        Arrays.sort(sortedMagnitudes);
    }

    /**
     * @param sparsity fraction to zero, in [0, 1]
     * @return a pruned copy with the {@code round(sparsity · n)} smallest magnitudes (ties by index) set to zero
     */
    float[] prune(double sparsity) {
        int k = (int) Math.round(sparsity * weights.length);
        float[] p = weights.clone();
        if (k == 0) {
            return p;
        }
        if (k >= p.length) {
            return new float[p.length];
        }
        float threshold = sortedMagnitudes[k];
        int below = 0;
        for (int i = 0; i < p.length; i++) {
            if (Math.abs(p[i]) < threshold) {
                p[i] = 0f;
                below++;
            }
        }
        // ties at the threshold: zero them in index order until k are gone
        for (int i = 0; i < p.length && below < k; i++) {
            if (p[i] != 0f && Math.abs(p[i]) == threshold) {
                p[i] = 0f;
                below++;
            }
        }
        return p;
    }

    /** @return standard-normal weights from a seed (the same on every machine) */
    static float[] gaussian(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        return a;
    }
}
