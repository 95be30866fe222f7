package org.prune4j.prune;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

/**
 * Which layers a method prunes: the ones named, or by default every layer (or every layer but the output layer,
 * for methods that would otherwise delete classes).
 *
 * @param names          chosen layer names, or {@code null} for the default
 * @param includeOutput  whether the default includes the output layer
 */
record LayerSelection(List<String> names, boolean includeOutput) {

    static LayerSelection all() {
        return new LayerSelection(null, true);
    }

    static LayerSelection hidden() {
        return new LayerSelection(null, false);
    }

    LayerSelection only(String... layerNames) {
        if (layerNames.length == 0) {
            throw new IllegalArgumentException("choose at least one layer to prune");
        }
        Set<String> unique = new LinkedHashSet<>(List.of(layerNames));
        if (unique.size() != layerNames.length) {
            throw new IllegalArgumentException("a layer is named twice in " + List.of(layerNames));
        }
        return new LayerSelection(List.copyOf(unique), includeOutput);
    }

    List<String> resolve(Network network) {
        List<String> out = new ArrayList<>();
        if (names == null) {
            List<DenseLayer> layers = network.layers();
            int end = includeOutput ? layers.size() : layers.size() - 1;
            for (int i = 0; i < end; i++) {
                out.add(layers.get(i).name());
            }
        } else {
            for (String name : names) {
                network.layer(name); // throws, naming the layers there are
            }
            // in the network's order, not the order typed: global ranking breaks ties by layer order
            for (String name : network.layerNames()) {
                if (names.contains(name)) {
                    out.add(name);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no layers to prune in " + network.name()
                    + " (its only layer is the output layer); name the layers with onLayers(...)");
        }
        return out;
    }

    String describe() {
        return names == null ? (includeOutput ? "all layers" : "all but the output layer") : String.join(", ", names);
    }
}
