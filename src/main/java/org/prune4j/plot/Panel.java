package org.prune4j.plot;

import java.awt.Graphics2D;

import org.knowm.xchart.internal.chartpart.Chart;

/** One drawing in a {@link Figure}'s grid: an XChart chart or a hand-drawn heat map. */
@FunctionalInterface
interface Panel {
    /**
     * Paints into {@code g}, whose origin is the panel's top-left corner and whose clip is the panel.
     *
     * @param g      target (a raster for PNG, a vector recorder for SVG)
     * @param width  panel width in pixels
     * @param height panel height in pixels
     */
    void paint(Graphics2D g, int width, int height);

    /**
     * @param chart an XChart chart; it is re-laid out at whatever size the panel gets
     * @return the chart as a panel
     */
    static Panel of(Chart<?, ?> chart) {
        return chart::paint;
    }
}
