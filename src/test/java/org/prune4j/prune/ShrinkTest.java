package org.prune4j.prune;

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
        assertTrue(small.layer("fc1").outputs() <= 300);
        assertSameOutputs(net, small, input(20, 784, 8));
        assertTrue(small.layer("fc1").hasMask(), "masks follow the kept weights");
    }
}
