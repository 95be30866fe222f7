package org.prune4j.prune;

/**
 * Global magnitude pruning: one threshold across all chosen layers, so layers end at different sparsities
 * (small, sensitive layers keep more), as in Han et al.'s Table 2.
 */
final class GlobalMagnitudePruning extends LayerwisePruning {
    private final Amount amount;

    GlobalMagnitudePruning(Amount amount, LayerSelection selection) {
        super(selection);
        this.amount = amount;
    }

    @Override
    LayerwisePruning select(LayerSelection selection) {
        return new GlobalMagnitudePruning(amount, selection);
    }

    @Override
    public String name() {
        return "global";
    }

    @Override
    float[][] masks(LayerWeights[] layers) {
        long total = 0;
        long pruned = 0;
        for (LayerWeights layer : layers) {
            total += layer.size();
            pruned += layer.pruned();
        }
        return MagnitudeRanking.pruneLowest(layers, amount.prunedCount(total, pruned));
    }

    @Override
    public String toString() {
        return "global magnitude pruning " + amount + " over " + describeLayers();
    }
}
