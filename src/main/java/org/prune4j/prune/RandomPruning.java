package org.prune4j.prune;

import java.util.SplittableRandom;


/** Random pruning, the control: prune the amount's number of weights chosen uniformly among the unpruned ones. */
final class RandomPruning extends LayerwisePruning {
    private final Amount amount;
    private final long seed;

    RandomPruning(Amount amount, long seed, LayerSelection selection) {
        super(selection);
        this.amount = amount;
        this.seed = seed;
    }

    @Override
    LayerwisePruning select(LayerSelection selection) {
        return new RandomPruning(amount, seed, selection);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    float[][] masks(LayerWeights[] layers) {
        float[][] masks = new float[layers.length][];
        for (int m = 0; m < layers.length; m++) {
            LayerWeights l = layers[m];
            int[] alive = new int[l.weights.length];
            int n = 0;
            for (int i = 0; i < l.mask.length; i++) {
                if (l.mask[i] != 0f) {
                    alive[n++] = i;
                }
            }
            long pruned = l.size() - n;
            long more = amount.prunedCount(l.size(), pruned) - pruned;
            SplittableRandom random = new SplittableRandom(seed ^ l.name.hashCode());
            float[] mask = l.mask.clone();
            for (int k = 0; k < more; k++) { // partial Fisher-Yates
                int j = k + random.nextInt(n - k);
                int t = alive[k];
                alive[k] = alive[j];
                alive[j] = t;
                mask[alive[k]] = 0f;
            }
            masks[m] = mask;
        }
        return masks;
    }

    @Override
    public String toString() {
        return "random pruning " + amount + " (seed " + seed + ") on " + describeLayers();
    }
}
