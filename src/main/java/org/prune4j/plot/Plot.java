package org.prune4j.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.prune4j.io.AtomicFile;

import tech.tablesaw.api.Table;

/**
 * A rendered chart. It <em>is</em> a {@link BufferedImage}, which is what makes it show up inline in IJava: the
 * kernel renders any {@code java.awt.image.RenderedImage} as {@code image/png}, both for a cell's last expression
 * and for {@code display(plot)}, with nothing from the kernel on this library's class path (see
 * {@link org.prune4j.notebook}).
 *
 * <p>A plot is immutable: {@link #size(int, int)} and {@link #title(String)} return a new plot drawn from the same
 * numbers. {@link #data()} gives those numbers as a table, {@link #save(Path)} writes PNG or SVG.
 *
 * <pre>{@code
 * Charts.weights(net).size(1200, 400).save("notebooks/gallery/weights.png");
 * }</pre>
 */
public class Plot extends BufferedImage {
    /** Smallest width or height accepted: below it the axes leave no room for data. */
    public static final int MIN_SIZE = 120;
    /** Largest width or height accepted (a 4K-wide poster figure). */
    public static final int MAX_SIZE = 4096;

    private final Recipe recipe;
    private final String titleOverride;
    private final Figure figure;
    private Table data;

    Plot(Recipe recipe, int width, int height, String title) {
        super(checkSize("width", width), checkSize("height", height), BufferedImage.TYPE_INT_RGB);
        this.recipe = recipe;
        this.titleOverride = title;
        this.figure = recipe.draw(width, height, title);
        Graphics2D g = createGraphics();
        try {
            figure.paint(g, width, height);
        } finally {
            g.dispose();
        }
    }

    /**
     * The height of a figure of panels in rows of {@code columns}: {@code rowHeight} a row plus {@code extra}, shrunk
     * to the tallest plot as long as a row keeps {@code minRowHeight} pixels (a deep network's panels shrink rather
     * than fail).
     *
     * @param what    what the panels are, for the message ("layers")
     * @param instead what to do when they do not fit, for the message
     * @throws IllegalArgumentException if the rows would get less than {@code minRowHeight} each
     */
    static int stackedHeight(int panels, int columns, int rowHeight, int extra, int minRowHeight, String what,
            String instead) {
        int rows = (panels + columns - 1) / columns;
        if (rows * minRowHeight > MAX_SIZE) {
            throw new IllegalArgumentException(panels + " " + what + " are too many for one chart (at most "
                    + columns * (MAX_SIZE / minRowHeight) + "); " + instead);
        }
        return Math.min(MAX_SIZE, rowHeight * rows + extra);
    }

    private static int checkSize(String what, int pixels) {
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw new IllegalArgumentException("plot " + what + " must be " + MIN_SIZE + ".." + MAX_SIZE
                    + " pixels, got " + pixels);
        }
        return pixels;
    }

    /**
     * The same chart drawn at another size (fonts keep their size, so bigger means more room, not bigger text).
     *
     * @param width  pixels
     * @param height pixels
     * @return a new plot
     */
    public Plot size(int width, int height) {
        return new Plot(recipe, width, height, titleOverride);
    }

    /**
     * The same chart under another title.
     *
     * @param title the new title
     * @return a new plot
     */
    public Plot title(String title) {
        return new Plot(recipe, getWidth(), getHeight(), title);
    }

    /** @return the title shown on the chart (or heading the panels) */
    public String title() {
        return figure.title();
    }

    /** @return the title override given to {@link #title(String)}, or null; subclasses re-render with it */
    String titleOverride() {
        return titleOverride;
    }

    /** @return the width in pixels */
    public int width() {
        return getWidth();
    }

    /** @return the height in pixels */
    public int height() {
        return getHeight();
    }

    /**
     * The numbers this chart was drawn from, one row per bar, bin, point or cell (columns depend on the chart and
     * are named in each {@link Charts} method).
     *
     * @return the table (computed once, on first call)
     */
    public synchronized Table data() {
        if (data == null) {
            data = figure.data().get();
        }
        return data;
    }

    /**
     * Writes the chart to a file, PNG or SVG by the file's extension, all at once or not at all; missing folders are
     * created.
     *
     * @param path a {@code .png} or {@code .svg} file
     * @return the path written
     * @throws IllegalArgumentException for any other extension
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path save(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("save as .png or .svg, got " + path.getFileName());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (svg) {
                writeSvg(out);
            } else {
                writePng(out);
            }
            AtomicFile.write(path, out.toByteArray()); // whole or not at all
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
        return path;
    }

    /**
     * @param path a {@code .png} or {@code .svg} file name
     * @return the path written
     * @see #save(Path)
     */
    public Path save(String path) {
        return save(Path.of(path));
    }

    /** @return the chart as PNG bytes */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the chart as an SVG document (text and lines as vectors, heat maps as embedded images) */
    public String svg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeSvg(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void writePng(OutputStream out) throws IOException {
        if (!ImageIO.write(this, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    private void writeSvg(OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        figure.paint(g, getWidth(), getHeight());
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, getWidth(), getHeight())).writeTo(out);
    }

    /** @return what the notebook shows as plain text next to the image */
    @Override
    public String toString() {
        return "Plot \"" + title() + "\" (" + getWidth() + " x " + getHeight() + " px)";
    }
}
