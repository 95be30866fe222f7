package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Proves the backward pass: analytic gradients from the trainer equal central differences of the loss,
 * computed in double precision by an independent plain-Java forward pass.
 */
class GradientCheckTest {

    /** Mean softmax cross-entropy of the network on the batch, in double, independent of ND4J's kernels. */
    static double loss(Network net, float[] x, int[] labels) {
        int rows = labels.length;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double[] a = new double[net.inputs()];
            for (int i = 0; i < a.length; i++) {
                a[i] = x[r * a.length + i];
            }
            for (DenseLayer layer : net.layers()) {
                float[] w = layer.weightArray();
                float[] b = layer.biasArray();
                double[] z = new double[layer.outputs()];
                for (int j = 0; j < z.length; j++) {
                    double s = b[j];
                    for (int i = 0; i < a.length; i++) {
                        s += a[i] * w[i * z.length + j];
                    }
                    z[j] = layer.activation() == Activation.RELU ? Math.max(0, s) : s;
                }
                a = z;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : a) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : a) {
                sum += Math.exp(v - max);
            }
            total += Math.log(sum) + max - a[labels[r]];
        }
        return total / rows;
    }

    @Test
    void analyticGradientsMatchCentralDifferences() {
        Network net = Networks.mlp("tiny", 7, 6, 5, 4, 3);
        SplittableRandom random = new SplittableRandom(3);
        int rows = 8;
        float[] x = new float[rows * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(3);
        }
        Trainer trainer = new Trainer(net, Training.sgd(0.1).quiet());
        trainer.gradients(x, labels);
        double eps = 1e-3;
        double worst = 0;
        int checked = 0;
        List<DenseLayer> layers = net.layers();
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            for (INDArray[] pair : new INDArray[][] {{layer.weights(), trainer.weightGradient(l)}, {layer.bias(), trainer.biasGradient(l)}}) {
                INDArray param = pair[0];
                float[] analytic = pair[1].dup().data().asFloat();
                for (int k = 0; k < param.length(); k++) {
                    float original = param.getFloat(k);
                    param.putScalar(k, original + eps);
                    double plus = loss(net, x, labels);
                    param.putScalar(k, original - eps);
                    double minus = loss(net, x, labels);
                    param.putScalar(k, original);
                    double numeric = (plus - minus) / (2 * eps);
                    double error = Math.abs(numeric - analytic[k]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[k]));
                    worst = Math.max(worst, error);
                    checked++;
                }
            }
        }
        assertTrue(checked == 6 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3, "checked every parameter: " + checked);
        assertTrue(worst < 2e-2, "worst relative gradient error " + worst);
    }
}
