package org.prune4j.prune;

import java.util.List;
import java.util.Map;

import org.prune4j.nn.Network;

/**
 * Per-layer magnitude ("weight") pruning: in each chosen layer, prune exactly the amount's number of weights
 * with the smallest |w| (ties broken by position). The layers may have different amounts.
 */
final class MagnitudePruning extends LayerwisePruning {
    private final Amount amount;
    private final Map<String, Amount> perLayer;

    MagnitudePruning(Amount amount, Map<String, Amount> perLayer, LayerSelection selection) {
        super(selection);
        this.amount = amount;
        this.perLayer = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(perLayer)); // printed in a stable order
    }

    @Override
    LayerwisePruning select(LayerSelection selection) {
        return new MagnitudePruning(amount, perLayer, selection);
    }

    @Override
    public String name() {
        return "weight";
    }

    @Override
    public List<String> selectedLayers(Network network) {
        if (amount == null && selection().names() == null) {
            for (String name : perLayer.keySet()) {
                network.layer(name); // throws, naming the layers there are
            }
            return network.layerNames().stream().filter(perLayer::containsKey).toList();
        }
        return super.selectedLayers(network);
    }

    @Override
    float[][] masks(LayerWeights[] layers) {
        float[][] masks = new float[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            LayerWeights layer = layers[i];
            Amount a = perLayer.getOrDefault(layer.name, amount);
            if (a == null) {
                throw new IllegalArgumentException("no amount given for layer " + layer.name);
            }
            long count = a.prunedCount(layer.size(), layer.pruned());
            masks[i] = MagnitudeRanking.pruneLowest(new LayerWeights[] {layer}, count)[0];
        }
        return masks;
    }

    @Override
    public String toString() {
        // per layer, the layers named are the ones pruned (the others are left alone), unless onLayers narrowed them
        return "magnitude pruning " + (amount != null ? amount + " on " + describeLayers() : "per layer " + perLayer
                + (selection().names() != null ? " on " + describeLayers() : ""));
    }
}
