package org.prune4j.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.prune4j.nn.Network;

class MagnitudeOrderTest {
    @Test
    void zeroesExactlyTheSmallestWithTiesByPosition() {
        float[] w = {0.5f, -0.1f, 0.3f, -0.7f, 0.2f, 0f, 0.9f, -0.4f};
        MagnitudeOrder order = new MagnitudeOrder(w);
        assertArrayEquals(new float[] {0.5f, 0, 0, -0.7f, 0, 0, 0.9f, -0.4f}, order.prune(0.5));
        assertEquals(8, Fixtures.zeros(order.prune(0.99)));
        assertEquals(1, Fixtures.zeros(order.prune(0)));
        float[] ties = {1, 1, 1, 1};
        assertArrayEquals(new float[] {0, 0, 1, 1}, new MagnitudeOrder(ties).prune(0.5));
        assertThrows(IllegalArgumentException.class, () -> new MagnitudeOrder(new float[] {1, Float.NaN}));
    }

    @Test
    void agreesWithLayerMagnitudePruning() {
        Network net = Fixtures.random(11, 50, 20, 5);
        float[] weights = net.layer("fc1").weightArray();
        Pruning.magnitude(0.7).onLayers("fc1").apply(net);
        assertArrayEquals(net.layer("fc1").weightArray(), new MagnitudeOrder(weights).prune(0.7));
    }
}
