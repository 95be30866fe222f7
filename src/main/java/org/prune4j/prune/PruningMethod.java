package org.prune4j.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.nn.Network;

/**
 * Computes 0/1 masks for some layers of a network from their weights and the masks they already carry.
 * Computing never changes the network; {@link #apply(Network)} sets the masks (which zeroes the pruned weights),
 * and training then keeps them at zero. A new mask always contains the old one's zeros: pruning never un-prunes.
 */
public interface PruningMethod {

    /** @return a short name for tables and legends, e.g. "weight", "unit", "global" */
    String name();

    /**
     * @param layerNames the layers to prune (by name, e.g. "fc1")
     * @return a copy of this method restricted to those layers
     */
    PruningMethod onLayers(String... layerNames);

    /**
     * @param network a network
     * @return the names of the layers this method prunes in it
     * @throws IllegalArgumentException if a chosen layer does not exist or none is chosen
     */
    List<String> selectedLayers(Network network);

    /**
     * Computes the masks without changing anything.
     *
     * @param network the network
     * @return a new {@code [in × out]} 0/1 mask per selected layer name, in layer order
     * @throws IllegalArgumentException on NaN or infinite weights, or a bad layer selection
     */
    Map<String, INDArray> masks(Network network);

    /**
     * Computes the masks and sets them on the selected layers. Nothing changes if computing fails.
     *
     * @param network the network to prune in place
     * @return the same network, for chaining (e.g. {@code Pruning.magnitude(0.9).apply(net.copy())})
     */
    default Network apply(Network network) {
        Map<String, INDArray> masks = new LinkedHashMap<>(masks(network));
        masks.forEach((name, mask) -> network.layer(name).setMask(mask));
        return network;
    }
}
