package org.prune4j.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.DoubleToIntFunction;

/**
 * A matrix drawn cell by cell as an image with a colour bar, painted by hand: XChart's heat map draws one shape per
 * cell, far too slow for a 784 × 300 weight matrix. Row 0 is at the top, as in the matrix (and in an MNIST image).
 */
final class HeatMapPanel implements Panel {
    private static final int MARGIN = 12;
    private static final int BAR_WIDTH = 16;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final String barTitle;
    private final double[] values;
    private final int rows;
    private final int columns;
    private final double low;
    private final double high;
    private final DoubleToIntFunction colour;
    private final boolean squareCells;
    private final BufferedImage cells;

    /**
     * @param values      row-major {@code rows × columns} values
     * @param low         value at the bottom of the colour bar
     * @param high        value at its top
     * @param colour      maps {@code (v - low) / (high - low)} in [0, 1] to {@code 0xRRGGBB}
     * @param squareCells keep cells square (images) rather than filling the panel (matrices)
     */
    HeatMapPanel(String title, String xTitle, String yTitle, String barTitle, double[] values, int rows, int columns,
                 double low, double high, DoubleToIntFunction colour, boolean squareCells) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.barTitle = barTitle;
        this.values = values;
        this.rows = rows;
        this.columns = columns;
        this.low = low;
        this.high = high > low ? high : low + 1;
        this.colour = colour;
        this.squareCells = squareCells;
        this.cells = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            rgb[i] = colour.applyAsInt(position(values[i]));
        }
        cells.setRGB(0, 0, columns, rows, rgb, 0, columns);
    }

    /** @return where {@code v} sits on the colour scale, 0 at {@code low} and 1 at {@code high} */
    double position(double v) {
        double span = high - low;
        // a scale of ±Double.MAX_VALUE spans infinity, which put every cell at 0: halve first there (only there: halving
        // a span of a few subnormals would make it 0)
        return Double.isInfinite(span) ? (0.5 * v - 0.5 * low) / (0.5 * high - 0.5 * low) : (v - low) / span;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Theme.INK);
        g.setFont(Theme.TITLE);
        FontMetrics tf = g.getFontMetrics();
        g.drawString(title, Math.max(MARGIN, (width - tf.stringWidth(title)) / 2), MARGIN + tf.getAscent());
        int top = MARGIN + tf.getHeight() + 8;

        g.setFont(Theme.TICKS);
        FontMetrics sf = g.getFontMetrics();
        g.setFont(Theme.AXIS_TITLE);
        FontMetrics af = g.getFontMetrics();
        String lowLabel = label(low);
        String highLabel = label(high);
        int barLabels = Math.max(sf.stringWidth(lowLabel), sf.stringWidth(highLabel));
        int left = MARGIN + af.getHeight() + sf.stringWidth(String.valueOf(rows - 1)) + 8;
        int right = width - MARGIN - af.getHeight() - barLabels - BAR_WIDTH - 24;
        int bottom = height - MARGIN - af.getHeight() - sf.getHeight() - 6;
        int areaW = Math.max(10, right - left);
        int areaH = Math.max(10, bottom - top);
        int drawW = areaW;
        int drawH = areaH;
        if (squareCells) {
            double cell = Math.min((double) areaW / columns, (double) areaH / rows);
            drawW = (int) Math.round(cell * columns);
            drawH = (int) Math.round(cell * rows);
        }
        int x0 = left + (areaW - drawW) / 2;
        int y0 = top + (areaH - drawH) / 2;

        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(drawW < columns || drawH < rows ? pooled(Math.min(drawW, columns), Math.min(drawH, rows)) : cells,
                x0, y0, drawW, drawH, null);
        g.setColor(Theme.FRAME);
        g.drawRect(x0 - 1, y0 - 1, drawW + 1, drawH + 1); // around the cells, not over row 0 and column 0

        // corner indices are enough to read orientation; the axis titles say what rows and columns are
        g.setFont(Theme.TICKS);
        g.setColor(Theme.INK);
        g.drawString("0", x0 - sf.stringWidth("0") - 4, y0 + sf.getAscent());
        String lastRow = String.valueOf(rows - 1);
        g.drawString(lastRow, x0 - sf.stringWidth(lastRow) - 4, y0 + drawH);
        g.drawString("0", x0, y0 + drawH + sf.getAscent() + 3);
        String lastCol = String.valueOf(columns - 1);
        g.drawString(lastCol, x0 + drawW - sf.stringWidth(lastCol), y0 + drawH + sf.getAscent() + 3);

        g.setFont(Theme.AXIS_TITLE);
        g.drawString(xTitle, x0 + (drawW - af.stringWidth(xTitle)) / 2, y0 + drawH + sf.getHeight() + af.getAscent() + 4);
        rotated(g, yTitle, MARGIN + af.getAscent(), y0 + drawH / 2 + af.stringWidth(yTitle) / 2);

        // colour bar, low at the bottom
        int bx = x0 + drawW + 18;
        for (int y = 0; y < drawH; y++) {
            g.setColor(new Color(colour.applyAsInt(1.0 - (double) y / Math.max(1, drawH - 1))));
            g.fillRect(bx, y0 + y, BAR_WIDTH, 1);
        }
        g.setColor(Theme.FRAME);
        g.drawRect(bx, y0, BAR_WIDTH, drawH);
        g.setFont(Theme.TICKS);
        g.setColor(Theme.INK);
        g.drawString(highLabel, bx + BAR_WIDTH + 4, y0 + sf.getAscent());
        g.drawString(lowLabel, bx + BAR_WIDTH + 4, y0 + drawH);
        if (low < 0 && high > 0) {
            g.drawString("0", bx + BAR_WIDTH + 4, y0 + (int) Math.round(drawH * (1 - position(0))) + sf.getAscent() / 2);
        }
        g.setFont(Theme.AXIS_TITLE);
        rotated(g, barTitle, bx + BAR_WIDTH + barLabels + 10 + af.getAscent(),
                y0 + drawH / 2 + af.stringWidth(barTitle) / 2);
    }

    /**
     * The cells shrunk to {@code w × h} pixels, each pixel showing the most extreme cell it covers (farthest from
     * the colour scale's neutral point: zero when the scale spans it, else its low end). Drawing the full image
     * smaller would sample one cell per pixel and drop the rest: a 784-row matrix in 510 pixels lost a third of its
     * rows, and a kept weight in one of them never showed.
     */
    private BufferedImage pooled(int w, int h) {
        double neutral = low < 0 && high > 0 ? position(0) : 0;
        int[] rgb = new int[w * h];
        for (int py = 0; py < h; py++) {
            int r0 = (int) ((long) py * rows / h);
            int r1 = Math.max(r0 + 1, (int) ((long) (py + 1) * rows / h));
            for (int px = 0; px < w; px++) {
                int c0 = (int) ((long) px * columns / w);
                int c1 = Math.max(c0 + 1, (int) ((long) (px + 1) * columns / w));
                double best = position(values[r0 * columns + c0]);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        double p = position(values[r * columns + c]);
                        if (Math.abs(p - neutral) > Math.abs(best - neutral)) {
                            best = p;
                        }
                    }
                }
                rgb[py * w + px] = colour.applyAsInt(best);
            }
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, rgb, 0, w);
        return image;
    }

    private static void rotated(Graphics2D g, String text, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }

    private static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 ? "%.3f" : "%.2e", v);
    }
}
