package org.prune4j.prune;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.HostCopy;

/**
 * A layer's weights and current mask as plain arrays, {@code [rows × cols]} = {@code [in × out]} row-major:
 * the input of every mask computation.
 */
final class LayerWeights {
    final String name;
    final int rows;
    final int cols;
    final float[] weights;
    /** 1 = kept, 0 = pruned; all ones when the layer has no mask yet. */
    final float[] mask;

    private LayerWeights(String name, int rows, int cols, float[] weights, float[] mask) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.weights = weights;
        this.mask = mask;
    }

    /**
     * @throws IllegalArgumentException if a weight is NaN or infinite
     */
    static LayerWeights of(DenseLayer layer) {
        float[] w = layer.weightArray();
        for (int i = 0; i < w.length; i++) {
            if (!Float.isFinite(w[i])) {
                throw new IllegalArgumentException("layer " + layer.name() + " has a " + w[i] + " weight at ["
                        + i / layer.outputs() + ", " + i % layer.outputs() + "]; prune only a network with finite weights"
                        + " (a NaN usually means training diverged: lower the learning rate)");
            }
        }
        float[] m = layer.mask().map(HostCopy::toFloats).orElseGet(() -> {
            float[] ones = new float[w.length];
            java.util.Arrays.fill(ones, 1f);
            return ones;
        });
        return new LayerWeights(layer.name(), layer.inputs(), layer.outputs(), w, m);
    }

    long size() {
        return weights.length;
    }

    long pruned() {
        long n = 0;
        for (float v : mask) {
            if (v == 0f) {
                n++;
            }
        }
        return n;
    }

    INDArray toMask(float[] values) {
        return Nd4j.create(values, new long[] {rows, cols}, DataType.FLOAT);
    }
}
