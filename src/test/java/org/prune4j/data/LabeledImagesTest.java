package org.prune4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Three 2x2 images of two classes: sizes, copies and index checks. */
class LabeledImagesTest {
    private static final byte[] PIXELS = {0, 51, 102, (byte) 255, 1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] LABELS = {1, 0, 1};

    @Test
    void keepsItsOwnCopyOfTheArrays() {
        byte[] labels = LABELS.clone();
        byte[] pixels = PIXELS.clone();
        LabeledImages images = new LabeledImages("tiny", pixels, labels, 2, 2, 2);
        labels[0] = 7; // would be out of range, had the array been kept
        pixels[3] = 0;
        assertArrayEquals(new int[] {1, 2}, images.classCounts());
        assertEquals(255, images.pixel(0, 3));
        assertArrayEquals(new float[] {0f, 0.2f, 0.4f, 1f}, images.features(0, 1).toFloatVector(), 1e-7f);
    }

    @Test
    void indicesOutsideAnImageOrTheSetAreRefused() {
        LabeledImages images = new LabeledImages("tiny", PIXELS, LABELS, 2, 2, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> images.pixel(0, 4), "not the next image's first pixel");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> images.features(1, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("outside [0, 3)"), e.getMessage());
        assertEquals(2, images.features(1, 2).rows());
    }

    @Test
    void sizesThatDisagreeAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages("tiny", PIXELS, LABELS, 2, 3, 2));
        assertTrue(e.getMessage().contains("3 labels of 2 x 3 pixels but 12 pixels given"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages("huge", PIXELS, LABELS, 1 << 16, 1 << 16, 2), "rows x cols over an int");
        assertThrows(IllegalArgumentException.class, () -> new LabeledImages("tiny", PIXELS, LABELS, 2, 2, 1),
                "label 1 with one class");
    }
}
