package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The schedules' rates, epoch by epoch, against values worked out by hand. */
class LearningRateTest {
    @Test
    void cosineAnnealsFromTheBaseRateTowardsZero() {
        // 0.05 (1 + cos(pi e / 4)) for e = 0..3
        double[] expected = {0.1, 0.0853553390593, 0.05, 0.0146446609407};
        for (int e = 0; e < 4; e++) {
            assertEquals(expected[e], LearningRate.cosine().at(0.1, e, 4), 1e-12, "epoch " + e);
        }
    }

    @Test
    void stepDecayHalvesEveryTwoEpochsAndConstantStays() {
        double[] expected = {1, 1, 0.5, 0.5, 0.25};
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], LearningRate.step(0.5, 2).at(1, e, 5), 0, "epoch " + e);
            assertEquals(0.3, LearningRate.constant().at(0.3, e, 5), 0);
        }
        assertThrows(IllegalArgumentException.class, () -> LearningRate.step(0, 2));
        assertThrows(IllegalArgumentException.class, () -> LearningRate.step(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRate.step(Double.POSITIVE_INFINITY, 1));
    }
}
