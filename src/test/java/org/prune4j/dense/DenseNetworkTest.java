package org.prune4j.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;

class DenseNetworkTest {

    /** A 70-45-19-10 MLP with Gaussian biases, so that ReLU cuts some outputs and bias tails are not a multiple of 16. */
    static Network withBiases() {
        Network net = Networks.mlp("test", 5, 70, 45, 19, 10);
        long seed = 100;
        for (DenseLayer l : net.layers()) {
            float[] b = DenseKernelTest.gaussian(l.outputs(), seed++);
            l.bias().assign(Nd4j.create(b, new long[] {1, l.outputs()}, DataType.FLOAT));
        }
        return net;
    }

    @Test
    void everyKernelKindGivesTheNetworksLogits() {
        // output() and the timed pass itself (bind, into NaNs so that a value left unwritten fails, run twice as
        // timing does)
        Network net = withBiases();
        DenseNetwork.KernelFactory[] factories = VectorApi.available()
                ? new DenseNetwork.KernelFactory[] {DenseKernel::plainJava, DenseKernel::vector, DenseKernel::nd4j}
                : new DenseNetwork.KernelFactory[] {DenseKernel::plainJava, DenseKernel::nd4j};
        for (DenseNetwork.KernelFactory f : factories) {
            DenseNetwork dn = new DenseNetwork(net, f);
            for (int batch : new int[] {1, 9, 32, 201}) { // 201: cut into one block of rows per core
                float[] x = DenseKernelTest.gaussian(batch * 70, batch);
                float[] expected = net.output(Nd4j.create(x, new long[] {batch, 70}, DataType.FLOAT)).data().asFloat();
                String what = dn.kernelName() + " batch " + batch;
                assertLogits(expected, dn.output(x, batch), what);
                float[] y = new float[batch * 10];
                Arrays.fill(y, Float.NaN);
                Runnable pass = dn.bind(x, batch, y);
                pass.run();
                pass.run();
                assertLogits(expected, y, what + " (timed pass)");
            }
        }
    }

    private static void assertLogits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    @Test
    void biasAndReluMatchTheScalarDefinition() {
        float[] bias = DenseKernelTest.gaussian(37, 1);
        float[] y = DenseKernelTest.gaussian(3 * 37, 2);
        for (boolean relu : new boolean[] {true, false}) {
            float[] got = y.clone();
            DenseNetwork.addBias(got, 3, bias, relu);
            for (int r = 0; r < 3; r++) {
                for (int j = 0; j < 37; j++) {
                    float v = y[r * 37 + j] + bias[j];
                    assertEquals(relu ? Math.max(0f, v) : v, got[r * 37 + j], 0f, "relu " + relu + " at " + r + "," + j);
                }
            }
        }
    }
}
