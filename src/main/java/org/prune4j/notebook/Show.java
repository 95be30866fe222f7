package org.prune4j.notebook;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.prune4j.io.AtomicFile;
import org.prune4j.nn.History;
import org.prune4j.nn.Network;
import org.prune4j.plot.Plot;
import org.prune4j.prune.PruningRun;

import tech.tablesaw.api.Table;

/**
 * The one way to look at a result. In a notebook, put {@code Show.any(x)} (or a chart from
 * {@link org.prune4j.plot.Charts}) last in a cell, or pass it to IJava's {@code display(...)}: tables appear as HTML,
 * charts as images. Outside a kernel (a {@code main}, a script, plain {@code jshell}), {@link #print(Object)} prints
 * tables as aligned text and saves charts as PNG files instead of failing.
 *
 * <pre>{@code
 * Show.table(report)            // HTML table in a notebook
 * Show.any(net)                 // the network's per-layer summary
 * display(Show.any(history))    // mid-cell, with IJava's display
 * Show.print(Charts.weights(net)) // in a main: writes plots/weight-distribution-lenet-300-100.png
 * }</pre>
 */
public final class Show {
    /** System property naming the folder {@link #print(Object)} saves charts into (default {@code plots}). */
    public static final String PLOTS_DIR = "prune4j.plots";

    private Show() {
    }

    /**
     * @param table a table
     * @return a view that renders as HTML in a notebook and as aligned text elsewhere
     */
    public static TableView table(Table table) {
        return KernelDisplay.table(table);
    }

    /**
     * @param history a training history
     * @return its table ({@code epoch, loss, train_accuracy, ...}) as a view
     */
    public static TableView table(History history) {
        return table(history.table());
    }

    /**
     * @param net a network
     * @return its per-layer summary ({@link Network#summary()}) as a view
     */
    public static TableView table(Network net) {
        return table(net.summary());
    }

    /**
     * The best notebook form of anything prune4j returns: tables, histories, networks (their summary) and pruning
     * runs (their steps) become {@link TableView}s,
     * charts and other images stay images (IJava shows them as PNG), anything else is returned unchanged.
     *
     * @param value a result
     * @return what to leave as a cell's last expression or pass to {@code display(...)}
     */
    public static Object any(Object value) {
        if (value instanceof Table t) {
            return table(t);
        }
        if (value instanceof History h) {
            return table(h);
        }
        if (value instanceof Network n) {
            return table(n);
        }
        if (value instanceof PruningRun run) {
            return table(run.steps());
        }
        return value;
    }

    /**
     * Shows a result without a notebook: tables as aligned text on standard output; charts and other images are
     * saved as PNG under {@code plots/} (or the folder in system property {@value #PLOTS_DIR}) and the file is
     * named on standard output; anything else is printed with {@code toString()}.
     *
     * @param value a result
     * @return the file written for an image, else {@code null}
     */
    public static Path print(Object value) {
        return print(value, System.out);
    }

    static Path print(Object value, PrintStream out) {
        Object shown = any(value);
        if (shown instanceof RenderedImage image) {
            Path dir = Path.of(System.getProperty(PLOTS_DIR, "plots"));
            String base = slug(image instanceof Plot p ? p.title() : "image");
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(base + ".png");
                for (int i = 2; Files.exists(file); i++) {
                    file = dir.resolve(base + "-" + i + ".png");
                }
                if (image instanceof Plot p) {
                    p.save(file);
                } else {
                    ByteArrayOutputStream png = new ByteArrayOutputStream();
                    if (!ImageIO.write(image, "png", png)) {
                        throw new IllegalArgumentException("no PNG writer takes this image (" + image.getClass()
                                .getSimpleName() + " of " + image.getSampleModel().getClass().getSimpleName()
                                + "); draw it into a BufferedImage of TYPE_INT_ARGB first");
                    }
                    AtomicFile.write(file, png.toByteArray());
                }
                out.println("saved " + file + " (" + image.getWidth() + " x " + image.getHeight() + " px)");
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the image under " + dir, e);
            }
        }
        out.println(shown);
        return null;
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "plot" : s;
    }
}
