package org.prune4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fashion-MNIST from the Debian package {@code dataset-fashion-mnist} (CI installs it). */
class FashionMnistTest {
    @Test
    void loadsAndVerifiesBalancedClasses() {
        ImageDataset fashion = FashionMnist.load(FashionMnist.DEBIAN_DIR); // the package's folder, not a cache
        assertEquals(60000, fashion.train().size());
        assertEquals(10000, fashion.test().size());
        int[] expected = new int[10];
        java.util.Arrays.fill(expected, 6000);
        assertArrayEquals(expected, fashion.train().classCounts());
        assertEquals("Ankle boot", fashion.classNames().get(9));
        java.util.Arrays.fill(expected, 1000);
        assertArrayEquals(expected, fashion.test().classCounts());
        assertEquals(9, fashion.train().label(0)); // the first training image is an ankle boot
        assertEquals(9, fashion.test().label(0));
    }
}
