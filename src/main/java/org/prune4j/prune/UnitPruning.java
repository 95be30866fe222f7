package org.prune4j.prune;

import java.util.Arrays;


/**
 * Unit (neuron) pruning: in each chosen layer, prune the amount's number of neurons whose weight-matrix columns
 * (their incoming weights, W being {@code [in × out]}) have the smallest L2 norm; a pruned neuron's whole column
 * is masked. By default the output layer is left alone, since pruning its units would delete classes.
 *
 * <p>As with {@code torch.nn.utils.prune.ln_structured} on a weight, only weights are masked: a pruned neuron keeps
 * its bias and so outputs the constant {@code act(b)}, which the next layer still sees (and which counts as an
 * active output in a {@link Report}). {@link Shrink} removes such a neuron and folds that constant into the next
 * layer's bias, so the shrunk network computes exactly the same outputs.
 */
final class UnitPruning extends LayerwisePruning {
    private final Amount amount;

    UnitPruning(Amount amount, LayerSelection selection) {
        super(selection);
        this.amount = amount;
    }

    @Override
    LayerwisePruning select(LayerSelection selection) {
        return new UnitPruning(amount, selection);
    }

    @Override
    public String name() {
        return "unit";
    }

    @Override
    float[][] masks(LayerWeights[] layers) {
        float[][] masks = new float[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            masks[i] = mask(layers[i], amount);
        }
        return masks;
    }

    static float[] mask(LayerWeights l, Amount amount) {
        double[] norms = new double[l.cols];
        boolean[] dead = new boolean[l.cols];
        Arrays.fill(dead, true);
        for (int r = 0; r < l.rows; r++) {
            for (int c = 0; c < l.cols; c++) {
                int i = r * l.cols + c;
                if (l.mask[i] != 0f) {
                    dead[c] = false;
                    norms[c] += (double) l.weights[i] * l.weights[i];
                }
            }
        }
        long alreadyDead = 0;
        Integer[] order = new Integer[l.cols];
        for (int c = 0; c < l.cols; c++) {
            order[c] = c;
            if (dead[c]) {
                alreadyDead++;
            }
        }
        // pruned units first, then by norm, then by index
        Arrays.sort(order, (a, b) -> dead[a] != dead[b] ? (dead[a] ? -1 : 1)
                : norms[a] != norms[b] ? Double.compare(norms[a], norms[b]) : Integer.compare(a, b));
        long count = amount.prunedCount(l.cols, alreadyDead);
        float[] mask = l.mask.clone();
        for (int k = 0; k < count; k++) {
            int c = order[k];
            for (int r = 0; r < l.rows; r++) {
                mask[r * l.cols + c] = 0f;
            }
        }
        return mask;
    }

    @Override
    public String toString() {
        return "unit pruning " + amount + " on " + describeLayers();
    }
}
