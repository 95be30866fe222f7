package org.prune4j.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.HostCopy;
import org.prune4j.nn.Network;

class ShrinkTest {

    private static INDArray input(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        return Nd4j.create(x, new long[] {rows, cols}, DataType.FLOAT);
    }

    private static void assertSameOutputs(Network a, Network b, INDArray x) {
        float[] ya = HostCopy.toFloats(a.output(x));
        float[] yb = HostCopy.toFloats(b.output(x));
        assertEquals(ya.length, yb.length);
        double worst = 0;
        for (int i = 0; i < ya.length; i++) {
            worst = Math.max(worst, Math.abs(ya[i] - yb[i]) / Math.max(1, Math.abs(ya[i])));
        }
        assertTrue(worst <= 1e-6, "outputs differ by " + worst);
    }

    @Test
    void unitPrunedNetworkShrinksToKeptNeuronsWithSameOutputs() {
        Network net = Fixtures.random(1, 40, 30, 20, 10);
        Pruning.units(0.5).apply(net); // fc1: 15 of 30 units, fc2: 10 of 20 units
        Network small = Shrink.of(net);
        assertEquals(15, small.layer("fc1").outputs());
        assertEquals(15, small.layer("fc2").inputs());
        assertEquals(10, small.layer("fc2").outputs());
        assertEquals(40, small.inputs());
        assertEquals(10, small.outputs());
        assertSameOutputs(net, small, input(64, 40, 2));
    }

    @Test
    void neuronsWithoutOutgoingConnectionsAreRemovedAndConstantsFolded() {
        Network net = Fixtures.random(3, 12, 8, 6, 4);
        // neuron 2 of fc1: no outgoing weights; neuron 5 of fc1: no incoming weights but outgoing ones (a constant)
        for (int k = 0; k < 6; k++) {
            net.layer("fc2").weights().putScalar(new long[] {2, k}, 0f);
        }
        for (int i = 0; i < 12; i++) {
            net.layer("fc1").weights().putScalar(new long[] {i, 5}, 0f);
        }
        net.layer("fc1").bias().putScalar(5, 0.7f); // relu(0.7) flows into fc2 as a constant
        Network small = Shrink.of(net);
        assertEquals(6, small.layer("fc1").outputs());
        assertSameOutputs(net, small, input(32, 12, 4));
    }

    @Test
    void cascadesThroughLayers() {
        Network net = Fixtures.random(5, 10, 6, 5, 3);
        // fc2 neuron 0 gets input only from fc1 neuron 1; kill fc1 neuron 1's inputs -> both fold away
        for (int j = 0; j < 6; j++) {
            if (j != 1) {
                net.layer("fc2").weights().putScalar(new long[] {j, 0}, 0f);
            }
        }
        for (int i = 0; i < 10; i++) {
            net.layer("fc1").weights().putScalar(new long[] {i, 1}, 0f);
        }
        Network small = Shrink.of(net);
        assertEquals(5, small.layer("fc1").outputs());
        assertEquals(4, small.layer("fc2").outputs());
        assertSameOutputs(net, small, input(16, 10, 6));
    }

    @Test
    void weightPrunedLeNetShapeKeepsItsOutputs() {
        Network net = Fixtures.random(7, 784, 300, 100, 10);
        Pruning.magnitude(0.97).apply(net);
        Network small = Shrink.of(net);
        int[] live = liveHiddenNeurons(net);
        assertEquals(live[0], small.layer("fc1").outputs(), "fc1 neurons with a path from the input to the output");
        assertEquals(live[1], small.layer("fc2").outputs());
        assertTrue(live[0] < 300 && live[1] < 100, "at 97 % some neurons lose every path: " + live[0] + ", " + live[1]);
        assertSameOutputs(net, small, input(20, 784, 8));
        for (int l = 0; l < 3; l++) {
            float[] w = small.layer(l).weightArray();
            float[] m = HostCopy.toFloats(small.layer(l).mask().orElseThrow());
            for (int i = 0; i < w.length; i++) {
                assertEquals(w[i] != 0f ? 1f : 0f, m[i], "layer " + l + " mask follows the kept weights at " + i);
            }
        }
    }

    /**
     * The hidden neurons of a three-layer network that stay, found as a fixed point (not as Shrink finds them): a
     * neuron stays while it has a non-zero weight from a staying neuron (or an input) and one to a staying neuron
     * (or an output); the others are dead ends or constants.
     */
    private static int[] liveHiddenNeurons(Network net) {
        float[][] w = {net.layer(0).weightArray(), net.layer(1).weightArray(), net.layer(2).weightArray()};
        int[] size = {net.layer(0).inputs(), net.layer(0).outputs(), net.layer(1).outputs(), net.layer(2).outputs()};
        boolean[][] alive = new boolean[4][];
        for (int k = 0; k < 4; k++) {
            alive[k] = new boolean[size[k]];
            java.util.Arrays.fill(alive[k], true);
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int k = 1; k <= 2; k++) {
                for (int j = 0; j < size[k]; j++) {
                    if (!alive[k][j]) {
                        continue;
                    }
                    boolean in = false;
                    for (int i = 0; i < size[k - 1] && !in; i++) {
                        in = alive[k - 1][i] && w[k - 1][i * size[k] + j] != 0f;
                    }
                    boolean out = false;
                    for (int o = 0; o < size[k + 1] && !out; o++) {
                        out = alive[k + 1][o] && w[k][j * size[k + 1] + o] != 0f;
                    }
                    if (!in || !out) {
                        alive[k][j] = false;
                        changed = true;
                    }
                }
            }
        }
        int[] live = new int[2];
        for (int k = 1; k <= 2; k++) {
            for (boolean a : alive[k]) {
                live[k - 1] += a ? 1 : 0;
            }
        }
        return live;
    }

    /**
     * Golden: unit pruning zeroes fc1's column 0 (L2 norm 7.3 of 7.3, 9.9, 11.6) but keeps its bias 1, so that
     * neuron outputs relu(1) = 1 whatever the input: Shrink drops it and adds 1 x fc2's row 0, [1, -1], to fc2's bias.
     */
    @Test
    void goldenUnitPrunedNeuronFoldsItsBiasIntoTheNextLayer() {
        Network net = Fixtures.golden();
        net.layer("fc1").bias().putScalar(0, 1f);
        Pruning.units(0.33).onLayers("fc1").apply(net);
        Network small = Shrink.of(net);
        assertArrayEquals(new float[][] {{3, 9}, {5, 7}, {8, 2}}, Fixtures.weights(small, "fc1"));
        assertArrayEquals(new float[] {0, 0}, small.layer("fc1").biasArray());
        assertArrayEquals(new float[][] {{2, 0.5f}, {-3, 1}}, Fixtures.weights(small, "fc2"));
        assertArrayEquals(new float[] {1, -1}, small.layer("fc2").biasArray());
        assertSameOutputs(net, small, input(8, 3, 9));
    }
}
