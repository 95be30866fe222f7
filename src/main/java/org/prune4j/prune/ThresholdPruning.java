package org.prune4j.prune;

import java.util.Map;


/**
 * Han et al.'s threshold: prune every weight with {@code |w| < quality × std}, where std is the standard deviation
 * of the layer's remaining (unpruned) weights. The same quality prunes more in layers with many small weights.
 */
final class ThresholdPruning extends LayerwisePruning {
    private final double quality;
    private final Map<String, Double> perLayer;

    ThresholdPruning(double quality, Map<String, Double> perLayer, LayerSelection selection) {
        super(selection);
        if (!(quality >= 0) || Double.isInfinite(quality)) {
            throw new IllegalArgumentException("quality must be >= 0 and finite, got " + quality);
        }
        perLayer.forEach((name, q) -> {
            if (q == null) {
                throw new IllegalArgumentException("no quality given for layer " + name);
            }
            if (!(q >= 0) || Double.isInfinite(q)) {
                throw new IllegalArgumentException("quality for " + name + " must be >= 0 and finite, got " + q);
            }
        });
        this.quality = quality;
        this.perLayer = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(perLayer)); // printed in a stable order
    }

    @Override
    LayerwisePruning select(LayerSelection selection) {
        return new ThresholdPruning(quality, perLayer, selection);
    }

    @Override
    public String name() {
        return "threshold";
    }

    /**
     * @return the threshold {@code quality × std} of the layer's unpruned weights
     */
    static double threshold(LayerWeights l, double quality) {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int i = 0; i < l.weights.length; i++) {
            if (l.mask[i] != 0f) {
                sum += l.weights[i];
                sumSq += (double) l.weights[i] * l.weights[i];
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return quality * Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }

    @Override
    float[][] masks(LayerWeights[] layers) {
        float[][] masks = new float[layers.length][];
        for (int k = 0; k < layers.length; k++) {
            LayerWeights l = layers[k];
            if (!perLayer.isEmpty() && !perLayer.containsKey(l.name)) {
                throw new IllegalArgumentException("no quality given for layer " + l.name + "; name it in the map "
                        + perLayer.keySet() + " or leave it out of onLayers(...)");
            }
            double t = threshold(l, perLayer.getOrDefault(l.name, quality));
            float[] mask = l.mask.clone();
            for (int i = 0; i < mask.length; i++) {
                if (Math.abs(l.weights[i]) < t) {
                    mask[i] = 0f;
                }
            }
            masks[k] = mask;
        }
        return masks;
    }

    @Override
    public String toString() {
        return perLayer.isEmpty() ? "threshold pruning |w| < " + quality + " x std on " + describeLayers()
                : "threshold pruning |w| < quality x std, quality per layer " + perLayer + " on " + describeLayers();
    }
}
