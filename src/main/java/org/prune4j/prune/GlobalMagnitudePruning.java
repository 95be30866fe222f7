package org.prune4j.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.nn.Network;

/**
 * Global magnitude pruning: one threshold across all chosen layers, so layers end at different sparsities
 * (small, sensitive layers keep more), as in Han et al.'s Table 2.
 */
final class GlobalMagnitudePruning implements PruningMethod {
    private final Amount amount;
    private final LayerSelection selection;

    GlobalMagnitudePruning(Amount amount, LayerSelection selection) {
        this.amount = amount;
        this.selection = selection;
    }

    @Override
    public String name() {
        return "global";
    }

    @Override
    public PruningMethod onLayers(String... layerNames) {
        return new GlobalMagnitudePruning(amount, selection.only(layerNames));
    }

    @Override
    public List<String> selectedLayers(Network network) {
        return selection.resolve(network);
    }

    @Override
    public Map<String, INDArray> masks(Network network) {
        List<String> names = selectedLayers(network);
        LayerWeights[] layers = new LayerWeights[names.size()];
        long total = 0;
        long pruned = 0;
        for (int i = 0; i < layers.length; i++) {
            layers[i] = LayerWeights.of(network.layer(names.get(i)));
            total += layers[i].size();
            pruned += layers[i].pruned();
        }
        float[][] masks = MagnitudeRanking.pruneLowest(layers, amount.prunedCount(total, pruned));
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.length; i++) {
            out.put(layers[i].name, layers[i].toMask(masks[i]));
        }
        return out;
    }

    @Override
    public String toString() {
        return "global magnitude pruning " + amount + " over " + selection.describe();
    }
}
