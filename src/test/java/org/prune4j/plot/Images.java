package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

/** Checks on rendered charts: the PNG decodes at the requested size and is not blank. */
final class Images {
    private Images() {
    }

    /** Decodes the plot's PNG and checks its size and that it carries a real drawing. */
    static BufferedImage assertRendered(Plot plot, int width, int height) {
        BufferedImage png;
        try {
            png = ImageIO.read(new ByteArrayInputStream(plot.png()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(width, png.getWidth(), "PNG width");
        assertEquals(height, png.getHeight(), "PNG height");
        assertNotBlank(png);
        return png;
    }

    /** Not blank: a good share of non-white pixels and more than a handful of colours (text, axes, data). */
    static void assertNotBlank(BufferedImage image) {
        long ink = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
                if (colours.size() < 1000) {
                    colours.add(rgb);
                }
            }
        }
        double share = (double) ink / ((long) image.getWidth() * image.getHeight());
        assertTrue(share > 0.01, "image is almost blank: " + share + " of pixels are not white");
        assertTrue(colours.size() > 8, "image has only " + colours.size() + " colours");
    }
}
