package org.prune4j.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.nn.Network;

/**
 * The common part of the pruning methods: which layers are chosen, and reading all of them (which rejects NaN
 * weights before any mask is computed). Subclasses compute the new masks from the layers' weights and masks.
 */
abstract class LayerwisePruning implements PruningMethod {
    private final LayerSelection selection;

    LayerwisePruning(LayerSelection selection) {
        this.selection = selection;
    }

    /** @return a copy of this method with another selection */
    abstract LayerwisePruning select(LayerSelection selection);

    /**
     * @param layers the chosen layers, in network order
     * @return the new mask of each, row-major, in the same order
     */
    abstract float[][] masks(LayerWeights[] layers);

    @Override
    public final PruningMethod onLayers(String... layerNames) {
        return select(selection.only(layerNames));
    }

    @Override
    public List<String> selectedLayers(Network network) {
        return selection.resolve(network);
    }

    @Override
    public final Map<String, INDArray> masks(Network network) {
        List<String> names = selectedLayers(network);
        LayerWeights[] layers = new LayerWeights[names.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = LayerWeights.of(network.layer(names.get(i)));
        }
        float[][] masks = masks(layers);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.length; i++) {
            out.put(layers[i].name, layers[i].toMask(masks[i]));
        }
        return out;
    }

    /** @return the selection, for messages */
    final String describeLayers() {
        return selection.describe();
    }

    /** @return the selection */
    final LayerSelection selection() {
        return selection;
    }
}
