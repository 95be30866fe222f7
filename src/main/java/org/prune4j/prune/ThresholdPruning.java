package org.prune4j.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.nn.Network;

/**
 * Han et al.'s threshold: prune every weight with {@code |w| < quality × std}, where std is the standard deviation
 * of the layer's remaining (unpruned) weights. The same quality prunes more in layers with many small weights.
 */
final class ThresholdPruning implements PruningMethod {
    private final double quality;
    private final Map<String, Double> perLayer;
    private final LayerSelection selection;

    ThresholdPruning(double quality, Map<String, Double> perLayer, LayerSelection selection) {
        if (!(quality >= 0) || Double.isInfinite(quality)) {
            throw new IllegalArgumentException("quality must be >= 0 and finite, got " + quality);
        }
        perLayer.forEach((name, q) -> {
            if (!(q >= 0) || Double.isInfinite(q)) {
                throw new IllegalArgumentException("quality for " + name + " must be >= 0 and finite, got " + q);
            }
        });
        this.quality = quality;
        this.perLayer = Map.copyOf(perLayer);
        this.selection = selection;
    }

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public PruningMethod onLayers(String... layerNames) {
        return new ThresholdPruning(quality, perLayer, selection.only(layerNames));
    }

    @Override
    public List<String> selectedLayers(Network network) {
        return selection.resolve(network);
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
    public Map<String, INDArray> masks(Network network) {
        List<String> names = selectedLayers(network);
        LayerWeights[] layers = new LayerWeights[names.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = LayerWeights.of(network.layer(names.get(i)));
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (LayerWeights l : layers) {
            double t = threshold(l, perLayer.getOrDefault(l.name, quality));
            float[] mask = l.mask.clone();
            for (int i = 0; i < mask.length; i++) {
                if (Math.abs(l.weights[i]) < t) {
                    mask[i] = 0f;
                }
            }
            out.put(l.name, l.toMask(mask));
        }
        return out;
    }

    @Override
    public String toString() {
        return "threshold pruning |w| < " + quality + " x std" + (perLayer.isEmpty() ? "" : " " + perLayer)
                + " on " + selection.describe();
    }
}
