package org.prune4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The real MNIST (fetched once by {@code Mnist.load()}; CI fetches it before the tests). */
class MnistTest {
    @Test
    void realMnistHasTheCanonicalClassCounts() {
        ImageDataset mnist = Mnist.load();
        assertEquals(60000, mnist.train().size());
        assertEquals(10000, mnist.test().size());
        assertEquals(784, mnist.featureCount());
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, mnist.train().classCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, mnist.test().classCounts());
        assertEquals(5, mnist.train().label(0), "the first training digit is a 5");
        assertEquals(7, mnist.test().label(0), "the first test digit is a 7");
    }

    @Test
    void featuresAreScaledToUnitInterval() {
        LabeledImages test = Mnist.load().test();
        float[] f = test.features(0, 2).data().asFloat();
        assertEquals(2 * 784, f.length);
        float max = 0;
        for (float v : f) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6);
        int grey = 0;
        for (int i = 0; i < f.length; i++) {
            int pixel = test.pixel(i / 784, i % 784);
            assertEquals(pixel / 255f, f[i], 1e-7f, "feature " + i);
            grey += pixel > 0 && pixel < 255 ? 1 : 0;
        }
        assertTrue(grey > 50, "the two digits have anti-aliased edges: " + grey + " grey pixels");
    }
}
