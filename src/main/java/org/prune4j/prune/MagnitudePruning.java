package org.prune4j.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.nn.Network;

/**
 * Per-layer magnitude ("weight") pruning: in each chosen layer, prune exactly the amount's number of weights
 * with the smallest |w| (ties broken by position). The layers may have different amounts.
 */
final class MagnitudePruning implements PruningMethod {
    private final Amount amount;
    private final Map<String, Amount> perLayer;
    private final LayerSelection selection;

    MagnitudePruning(Amount amount, Map<String, Amount> perLayer, LayerSelection selection) {
        this.amount = amount;
        this.perLayer = Map.copyOf(perLayer);
        this.selection = selection;
    }

    @Override
    public String name() {
        return "weight";
    }

    @Override
    public PruningMethod onLayers(String... layerNames) {
        return new MagnitudePruning(amount, perLayer, selection.only(layerNames));
    }

    @Override
    public List<String> selectedLayers(Network network) {
        if (amount == null) {
            return selection.names() == null ? perLayerNames(network) : selection.resolve(network);
        }
        return selection.resolve(network);
    }

    private List<String> perLayerNames(Network network) {
        for (String name : perLayer.keySet()) {
            network.layer(name);
        }
        return network.layerNames().stream().filter(perLayer::containsKey).toList();
    }

    @Override
    public Map<String, INDArray> masks(Network network) {
        List<String> names = selectedLayers(network);
        LayerWeights[] layers = new LayerWeights[names.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = LayerWeights.of(network.layer(names.get(i)));
        }
        Map<String, INDArray> masks = new LinkedHashMap<>();
        for (LayerWeights layer : layers) {
            Amount a = perLayer.getOrDefault(layer.name, amount);
            if (a == null) {
                throw new IllegalArgumentException("no amount given for layer " + layer.name);
            }
            long count = a.prunedCount(layer.size(), layer.pruned());
            masks.put(layer.name, layer.toMask(MagnitudeRanking.pruneLowest(new LayerWeights[] {layer}, count)[0]));
        }
        return masks;
    }

    @Override
    public String toString() {
        return "magnitude pruning " + (amount != null ? amount : perLayer) + " on " + selection.describe();
    }
}
