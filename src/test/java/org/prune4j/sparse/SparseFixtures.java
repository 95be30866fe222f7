package org.prune4j.sparse;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;

/** Random pruned weights and networks for the sparse tests. */
final class SparseFixtures {
    private SparseFixtures() {
    }

    static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        return a;
    }

    /** Zeroes the {@code round(sparsity · n)} smallest magnitudes. */
    static float[] magnitudePruned(float[] w, double sparsity) {
        float[] mags = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            mags[i] = Math.abs(w[i]);
        }
        Arrays.sort(mags);
        int k = (int) Math.round(sparsity * w.length);
        float t = k >= w.length ? Float.POSITIVE_INFINITY : mags[k];
        float[] p = w.clone();
        for (int i = 0; i < p.length; i++) {
            if (Math.abs(p[i]) < t) {
                p[i] = 0f;
            }
        }
        return p;
    }

    /** A LeNet-style network with each layer magnitude-pruned to the given sparsity (via masks). */
    static Network prunedMlp(long seed, double sparsity, int... sizes) {
        double[] each = new double[sizes.length - 1];
        Arrays.fill(each, sparsity);
        return prunedMlp(seed, each, sizes);
    }

    /** A network with layer {@code i} magnitude-pruned to {@code sparsities[i]} (via masks). */
    static Network prunedMlp(long seed, double[] sparsities, int... sizes) {
        Network net = Networks.mlp("test", seed, sizes);
        for (int layer = 0; layer < sparsities.length; layer++) {
            DenseLayer l = net.layer(layer);
            float[] w = l.weightArray();
            float[] p = magnitudePruned(w, sparsities[layer]);
            float[] mask = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                mask[i] = p[i] != 0f ? 1f : 0f;
            }
            l.setMask(Nd4j.create(mask, new long[] {l.inputs(), l.outputs()}, DataType.FLOAT));
        }
        return net;
    }

    static double[] reference(float[] x, int batch, float[] w, int in, int out) {
        double[] y = new double[batch * out];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < in; k++) {
                double xv = x[b * in + k];
                for (int j = 0; j < out; j++) {
                    y[b * out + j] += xv * w[k * out + j];
                }
            }
        }
        return y;
    }
}
