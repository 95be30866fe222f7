package org.prune4j.prune;

import java.util.LinkedHashMap;
import java.util.Map;

import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

/**
 * The pruning methods, one factory each. A plain number means "to total sparsity"; pass an {@link Amount} to
 * say "of what remains" instead.
 *
 * <pre>{@code
 * Pruning.magnitude(0.9).apply(net);                          // each layer: 90 % smallest |w| -> 0
 * Pruning.magnitude(Amount.ofRemaining(0.5)).apply(net);      // then half of what is left
 * Pruning.global(0.92).apply(net);                            // one threshold across layers
 * Pruning.units(0.5).apply(net);                              // half the hidden neurons
 * Pruning.threshold(1.5).apply(net);                          // Han: |w| < 1.5 x std
 * Pruning.magnitude(0.9).onLayers("fc1").apply(net);          // only fc1
 * }</pre>
 */
public final class Pruning {
    private Pruning() {
    }

    /**
     * @param sparsity fraction of each layer's weights pruned afterwards, in [0, 1]
     * @return per-layer magnitude pruning of all layers
     */
    public static PruningMethod magnitude(double sparsity) {
        return magnitude(Amount.toSparsity(sparsity));
    }

    /**
     * @param amount how much to prune in each layer
     * @return per-layer magnitude pruning of all layers
     */
    public static PruningMethod magnitude(Amount amount) {
        requireAmount(amount);
        return new MagnitudePruning(amount, Map.of(), LayerSelection.all());
    }

    /**
     * Magnitude pruning with a sparsity per layer, e.g. Han's LeNet-300-100 targets
     * {@code Map.of("fc1", 0.92, "fc2", 0.91, "fc3", 0.74)}; layers not named are left alone.
     *
     * @param sparsityPerLayer total sparsity per layer name
     * @return the method
     */
    public static PruningMethod magnitude(Map<String, Double> sparsityPerLayer) {
        if (sparsityPerLayer.isEmpty()) {
            throw new IllegalArgumentException("name at least one layer and its sparsity");
        }
        Map<String, Amount> amounts = new LinkedHashMap<>();
        sparsityPerLayer.forEach((name, s) -> {
            if (s == null) {
                throw new IllegalArgumentException("no sparsity given for layer " + name);
            }
            amounts.put(name, Amount.toSparsity(s));
        });
        return new MagnitudePruning(null, amounts, LayerSelection.all());
    }

    /**
     * @param sparsity fraction of all chosen weights pruned afterwards, with one threshold across layers
     * @return global magnitude pruning of all layers
     */
    public static PruningMethod global(double sparsity) {
        return global(Amount.toSparsity(sparsity));
    }

    /**
     * @param amount how much to prune across the chosen layers together
     * @return global magnitude pruning of all layers
     */
    public static PruningMethod global(Amount amount) {
        requireAmount(amount);
        return new GlobalMagnitudePruning(amount, LayerSelection.all());
    }

    /**
     * @param fraction fraction of each hidden layer's neurons pruned afterwards (smallest column L2 norm; their
     *                 incoming weights are masked, their biases kept, as torch's {@code ln_structured} does)
     * @return unit pruning of all layers but the output layer
     */
    public static PruningMethod units(double fraction) {
        return units(Amount.toSparsity(fraction));
    }

    /**
     * @param amount how many neurons to prune in each chosen layer
     * @return unit pruning of all layers but the output layer
     */
    public static PruningMethod units(Amount amount) {
        requireAmount(amount);
        return new UnitPruning(amount, LayerSelection.hidden());
    }

    /**
     * @param quality Han's quality parameter: prune |w| below quality × std of the layer's remaining weights
     * @return threshold pruning of all layers
     */
    public static PruningMethod threshold(double quality) {
        return new ThresholdPruning(quality, Map.of(), LayerSelection.all());
    }

    /**
     * @param qualityPerLayer quality per layer name (other layers are left alone)
     * @return threshold pruning of the named layers
     */
    public static PruningMethod threshold(Map<String, Double> qualityPerLayer) {
        if (qualityPerLayer.isEmpty()) {
            throw new IllegalArgumentException("name at least one layer and its quality");
        }
        // sorted: a Map.of iterates in an order that changes from JVM to JVM, and the names are printed
        return new ThresholdPruning(0, qualityPerLayer, LayerSelection.all())
                .onLayers(new java.util.TreeSet<>(qualityPerLayer.keySet()).toArray(String[]::new));
    }

    /**
     * @param sparsity fraction of each layer's weights pruned afterwards, chosen at random
     * @param seed     random seed
     * @return random pruning of all layers (the control)
     */
    public static PruningMethod random(double sparsity, long seed) {
        return new RandomPruning(Amount.toSparsity(sparsity), seed, LayerSelection.all());
    }

    /**
     * Makes pruning permanent in torch's sense: the masks are removed and the weights keep their values
     * (pruned weights stay zero until trained again).
     *
     * @param network the network
     * @return the same network
     */
    public static Network remove(Network network) {
        for (DenseLayer layer : network.layers()) {
            layer.clearMask();
        }
        return network;
    }

    private static void requireAmount(Amount amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is null; give one, e.g. Amount.toSparsity(0.9)");
        }
    }
}
