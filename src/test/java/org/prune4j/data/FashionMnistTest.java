package org.prune4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fashion-MNIST from the Debian package {@code dataset-fashion-mnist} (CI installs it). */
class FashionMnistTest {
    @Test
    void loadsAndVerifiesBalancedClasses() {
        ImageDataset fashion = FashionMnist.load();
        assertEquals(60000, fashion.train().size());
        assertEquals(10000, fashion.test().size());
        int[] expected = new int[10];
        java.util.Arrays.fill(expected, 6000);
        assertArrayEquals(expected, fashion.train().classCounts());
        assertEquals("Ankle boot", fashion.classNames().get(9));
    }
}
