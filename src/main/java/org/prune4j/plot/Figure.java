package org.prune4j.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import java.util.function.Supplier;

import tech.tablesaw.api.Table;

/**
 * What a {@link Plot} shows: panels in a grid under an optional heading, and the table of numbers they were drawn
 * from. Painting is size-independent, so the same figure renders to a PNG raster and to SVG.
 *
 * @param title   the figure's name (file names, {@code toString}); never null
 * @param heading drawn above the grid when not null (multi-panel figures; single charts carry their own title)
 * @param panels  the panels, row by row
 * @param columns panels per row
 * @param data    the numbers behind the figure, computed on demand
 */
record Figure(String title, String heading, List<Panel> panels, int columns, Supplier<Table> data) {
    private static final int HEADING_HEIGHT = 30;

    Figure {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        columns = Math.max(1, Math.min(columns, panels.size()));
        panels = List.copyOf(panels);
    }

    /** A single chart that carries its own title. */
    static Figure single(String title, Panel panel, Supplier<Table> data) {
        return new Figure(title, null, List.of(panel), 1, data);
    }

    void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int top = 0;
        if (heading != null) {
            g.setFont(Theme.FIGURE_TITLE);
            g.setColor(Theme.INK);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(heading, Math.max(4, (width - fm.stringWidth(heading)) / 2), 8 + fm.getAscent());
            top = HEADING_HEIGHT;
        }
        int rows = (panels.size() + columns - 1) / columns;
        int cellWidth = width / columns;
        int cellHeight = (height - top) / rows;
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % columns) * cellWidth;
            int y = top + (i / columns) * cellHeight;
            Graphics2D cell = (Graphics2D) g.create(x, y, cellWidth, cellHeight);
            try {
                panels.get(i).paint(cell, cellWidth, cellHeight);
            } finally {
                cell.dispose();
            }
        }
    }
}
