package org.prune4j.plot;

import java.awt.Color;
import java.util.List;

/**
 * Colours that stay distinguishable for the common forms of colour blindness: the Okabe–Ito qualitative palette
 * (Okabe &amp; Ito 2008) for series, a viridis ramp for counts and a blue–white–vermillion ramp (two Okabe–Ito hues)
 * for signed values such as weights.
 */
public final class Palette {
    /** Okabe–Ito blue. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe–Ito orange. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe–Ito bluish green. */
    public static final Color GREEN = new Color(0x009E73);
    /** Okabe–Ito vermillion. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe–Ito reddish purple. */
    public static final Color PURPLE = new Color(0xCC79A7);
    /** Okabe–Ito sky blue. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Okabe–Ito yellow (weak on white: last in the cycle). */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe–Ito black. */
    public static final Color BLACK = new Color(0x000000);

    /** Series colours in the order they are handed out; blue and orange first, the pair that survives greyscale. */
    public static final List<Color> SERIES = List.of(BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY_BLUE, BLACK, YELLOW);

    // viridis at 9 evenly spaced stops (matplotlib's _viridis_data), interpolated linearly in between
    private static final int[] VIRIDIS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962,
            0xADDC30, 0xFDE725};
    private static final int[] DIVERGING = {BLUE.getRGB() & 0xFFFFFF, 0xFFFFFF, VERMILLION.getRGB() & 0xFFFFFF};

    private Palette() {
    }

    /**
     * @param index series number, 0-based; wraps around after {@link #SERIES}'s size
     * @return the colour of that series
     */
    public static Color series(int index) {
        return SERIES.get(Math.floorMod(index, SERIES.size()));
    }

    /**
     * @param index series number
     * @param alpha opacity 0..255 (overlaid histograms use about 110)
     * @return the series colour with that opacity
     */
    public static Color series(int index, int alpha) {
        Color c = series(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * @param t position in [0, 1] (clamped; NaN gives the low end)
     * @return the viridis colour there, as {@code 0xRRGGBB}
     */
    public static int sequential(double t) {
        return ramp(VIRIDIS, t);
    }

    /**
     * @param t position in [-1, 1] (clamped): -1 blue, 0 white, +1 vermillion
     * @return the colour there, as {@code 0xRRGGBB}
     */
    public static int diverging(double t) {
        return ramp(DIVERGING, (t + 1) / 2);
    }

    private static int ramp(int[] stops, double t) {
        double x = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min((int) x, stops.length - 2);
        double f = x - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
