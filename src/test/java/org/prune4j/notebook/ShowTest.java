package org.prune4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prune4j.nn.Networks;
import org.prune4j.plot.Charts;
import org.prune4j.plot.Plot;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.common.Url;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Shows tables and charts through basekernel's own {@link Renderer}, registered as {@code BaseKernel} does. */
class ShowTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Renderer kernelRenderer() {
        Renderer r = new Renderer();
        Image.registerAll(r);
        Url.registerAll(r);
        Text.registerAll(r);
        return r;
    }

    private static Table report() {
        return Table.create("Report", StringColumn.create("layer", "fc1", "<b>fc2</b>"),
                IntColumn.create("weights", 235200, 30000), DoubleColumn.create("kept", 0.08, 0.0912345678));
    }

    @Test
    void aTableRendersAsHtmlAndTextInAKernel() {
        TableView view = Show.table(report());
        assertInstanceOf(DisplayDataRenderable.class, view, "basekernel is on the test class path");
        DisplayData out = kernelRenderer().render(view);
        String html = (String) out.getData(MIMEType.TEXT_HTML);
        String text = (String) out.getData(MIMEType.TEXT_PLAIN);
        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.contains("<th style=\"text-align:right;padding:2px 8px;border-bottom:1px solid #999\">weights"));
        assertTrue(html.contains("&lt;b&gt;fc2&lt;/b&gt;"), "cell text is escaped");
        assertFalse(html.contains("<b>fc2"));
        assertTrue(html.contains("0.0912") && !html.contains("0.09123"), "four decimals");
        assertEquals(view.text(), text);
        assertEquals(view.text(), view.toString());
    }

    @Test
    void textIsAligned() {
        String[] lines = Show.table(report()).text().split("\n");
        assertEquals("Report (2 rows)", lines[0]);
        assertEquals("layer       weights    kept", lines[1]);
        assertEquals("fc1          235200    0.08", lines[3]);
        assertEquals("<b>fc2</b>    30000  0.0912", lines[4]);
    }

    @Test
    void longTablesAreCut() {
        int[] n = new int[1000];
        for (int i = 0; i < n.length; i++) {
            n[i] = i;
        }
        TableView view = Show.table(Table.create("long", IntColumn.create("i", n)));
        assertTrue(view.html().contains("975 more rows"), "20 head + 5 tail rows of 1000");
        assertTrue(view.text().contains("975 more rows"));
        assertTrue(view.text().contains("999"));
        assertEquals(1 + 1 + 1 + 25 + 1, view.text().split("\n").length);
    }

    @Test
    void aPlotRendersAsPngThroughTheKernelsImageRegistration() throws Exception {
        Plot plot = Charts.weights(Networks.mlp("n", 1, 16, 8, 4)).size(400, 250);
        DisplayData out = kernelRenderer().render(plot);
        String b64 = (String) out.getData(MIMEType.IMAGE_PNG);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
        assertEquals(400, png.getWidth());
        assertEquals(250, png.getHeight());
        assertEquals(plot.toString(), out.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void anyPicksTheNotebookForm() {
        assertInstanceOf(TableView.class, Show.any(report()));
        TableView summary = (TableView) Show.any(Networks.lenet300100(1));
        assertEquals(3, summary.table().rowCount());
        Plot plot = Charts.weights(Networks.mlp("n", 1, 4, 2));
        assertSame(plot, Show.any(plot));
        assertSame("text", Show.any("text"));
    }

    @Test
    void printSavesChartsAndPrintsTablesOutsideAKernel(@TempDir Path dir) throws Exception {
        inPlotsDir(dir, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Plot plot = Charts.weights(Networks.mlp("Tiny Net", 1, 4, 2));
            Path first = Show.print(plot, out);
            Path second = Show.print(plot, out);
            assertEquals(dir.resolve("weight-distribution-tiny-net.png"), first);
            assertEquals(dir.resolve("weight-distribution-tiny-net-2.png"), second);
            assertEquals(plot.width(), ImageIO.read(first.toFile()).getWidth());
            assertNull(Show.print(report(), out));
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("saved " + first), printed);
            assertTrue(printed.contains("fc1          235200    0.08"), printed);
        });
    }

    @Test
    void anImageNoPngWriterTakesIsRefusedAndNothingIsSaved(@TempDir Path dir) throws Exception {
        inPlotsDir(dir, () -> {
            ComponentColorModel floats = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false,
                    false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
            BufferedImage image = new BufferedImage(floats, floats.createCompatibleWritableRaster(4, 4), false, null);
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Show.print(image, out));
            assertTrue(e.getMessage().contains("no PNG writer"), e.getMessage());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.count(), "no file claimed as saved");
            }
        });
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with {@link Show#PLOTS_DIR} set to {@code dir}, then restores the property. */
    private static void inPlotsDir(Path dir, Body body) throws Exception {
        String old = System.getProperty(Show.PLOTS_DIR);
        System.setProperty(Show.PLOTS_DIR, dir.toString());
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(Show.PLOTS_DIR);
            } else {
                System.setProperty(Show.PLOTS_DIR, old);
            }
        }
    }

    @Test
    void aTableIsNotSavedUnderAnUnknownExtension(@TempDir Path dir) {
        TableView view = Show.table(report());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> view.save(dir.resolve("newdir/report.xlsx")));
        assertTrue(e.getMessage().contains(".html, .txt or .csv"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("newdir")), "no folder made for a file never written");
    }

    @Test
    void savesHtmlTextAndCsv(@TempDir Path dir) throws Exception {
        TableView view = Show.table(report());
        assertTrue(Files.readString(view.save(dir.resolve("r.html"))).contains("<table"));
        assertTrue(Files.readString(view.save(dir.resolve("r.txt"))).startsWith("Report (2 rows)"));
        assertTrue(Files.readString(view.save(dir.resolve("r.csv"))).startsWith("layer,weights,kept"));
    }
}
