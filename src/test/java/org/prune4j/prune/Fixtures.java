package org.prune4j.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.Activation;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

/** Small networks with known weights for pruning tests. */
final class Fixtures {
    private Fixtures() {
    }

    static INDArray matrix(float[][] rows) {
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    /** The golden W = [[6,3,9],[1,5,7],[4,8,2]] as layer fc1 (3 → 3), followed by an output layer fc2 (3 → 2). */
    static Network golden() {
        DenseLayer fc1 = new DenseLayer("fc1", matrix(new float[][] {{6, 3, 9}, {1, 5, 7}, {4, 8, 2}}),
                Nd4j.zeros(DataType.FLOAT, 1, 3), Activation.RELU);
        DenseLayer fc2 = new DenseLayer("fc2", matrix(new float[][] {{1, -1}, {2, 0.5f}, {-3, 1}}),
                Nd4j.zeros(DataType.FLOAT, 1, 2), Activation.IDENTITY);
        return new Network("golden", List.of(fc1, fc2));
    }

    static float[][] weights(Network net, String layer) {
        DenseLayer l = net.layer(layer);
        float[] w = l.weightArray();
        float[][] out = new float[l.inputs()][l.outputs()];
        for (int r = 0; r < l.inputs(); r++) {
            System.arraycopy(w, r * l.outputs(), out[r], 0, l.outputs());
        }
        return out;
    }

    /** A random network with Gaussian weights (and some exact ties) of the given sizes. */
    static Network random(long seed, int... sizes) {
        SplittableRandom r = new SplittableRandom(seed);
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            float[] w = new float[sizes[i] * sizes[i + 1]];
            for (int k = 0; k < w.length; k++) {
                w[k] = r.nextInt(10) == 0 ? 0.25f : (float) (r.nextGaussian() * 0.1);
            }
            float[] b = new float[sizes[i + 1]];
            for (int k = 0; k < b.length; k++) {
                b[k] = (float) (r.nextGaussian() * 0.1);
            }
            layers.add(new DenseLayer("fc" + (i + 1), Nd4j.create(w, new long[] {sizes[i], sizes[i + 1]}, DataType.FLOAT),
                    Nd4j.create(b, new long[] {1, sizes[i + 1]}, DataType.FLOAT),
                    i + 2 == sizes.length ? Activation.IDENTITY : Activation.RELU));
        }
        return new Network("random", layers);
    }

    static long zeros(float[] values) {
        long n = 0;
        for (float v : values) {
            if (v == 0f) {
                n++;
            }
        }
        return n;
    }
}
