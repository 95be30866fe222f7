package org.prune4j.prune;

import java.util.Arrays;

/**
 * Magnitude pruning of a bare weight array at many sparsities: the weights are ranked once by |w| (ties by position,
 * exactly as {@link Pruning#magnitude(double)} ranks a layer), then each {@link #prune(double)} is a copy with the
 * {@code round(s · n)} lowest-ranked weights zeroed. Used to time kernels on random matrices.
 */
public final class MagnitudeOrder {
    private final float[] weights;
    private final int[] order;

    /**
     * @param weights the weights (not copied; not changed)
     * @throws IllegalArgumentException if a weight is NaN or infinite
     */
    public MagnitudeOrder(float[] weights) {
        long[] keys = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (!Float.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is " + weights[i] + "; only finite weights can be ranked");
            }
            keys[i] = MagnitudeRanking.key(weights[i], 1f, i);
        }
        Arrays.sort(keys);
        this.weights = weights;
        this.order = new int[weights.length];
        long positionBits = (1L << 31) - 1;
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) (keys[i] & positionBits);
        }
    }

    /**
     * @param sparsity fraction of the weights to zero, in [0, 1]
     * @return a pruned copy
     */
    public float[] prune(double sparsity) {
        long count = Amount.toSparsity(sparsity).prunedCount(weights.length, 0);
        float[] pruned = weights.clone();
        for (int i = 0; i < count; i++) {
            pruned[order[i]] = 0f;
        }
        return pruned;
    }
}
