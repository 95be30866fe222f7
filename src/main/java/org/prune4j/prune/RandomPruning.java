package org.prune4j.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.nn.Network;

/** Random pruning, the control: prune the amount's number of weights chosen uniformly among the unpruned ones. */
final class RandomPruning implements PruningMethod {
    private final Amount amount;
    private final long seed;
    private final LayerSelection selection;

    RandomPruning(Amount amount, long seed, LayerSelection selection) {
        this.amount = amount;
        this.seed = seed;
        this.selection = selection;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public PruningMethod onLayers(String... layerNames) {
        return new RandomPruning(amount, seed, selection.only(layerNames));
    }

    @Override
    public List<String> selectedLayers(Network network) {
        return selection.resolve(network);
    }

    @Override
    public Map<String, INDArray> masks(Network network) {
        List<String> names = selectedLayers(network);
        LayerWeights[] layers = new LayerWeights[names.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = LayerWeights.of(network.layer(names.get(i)));
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (LayerWeights l : layers) {
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
            out.put(l.name, l.toMask(mask));
        }
        return out;
    }

    @Override
    public String toString() {
        return "random pruning " + amount + " (seed " + seed + ") on " + selection.describe();
    }
}
