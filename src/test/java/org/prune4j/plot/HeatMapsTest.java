package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Networks;

import tech.tablesaw.api.Table;

class HeatMapsTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void inputMaskCountsTheKeptConnectionsOfEachPixel() {
        DenseLayer layer = Networks.mlp("m", 5, 16, 6, 2).layer(0); // 16 inputs: a 4 x 4 image
        float[] mask = new float[16 * 6];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < i % 7; j++) {
                mask[i * 6 + j] = 1f; // pixel i keeps i mod 7 connections (at most 6)
            }
        }
        layer.setMask(Nd4j.create(mask, new long[] {16, 6}));
        Plot p = Charts.inputMask(layer);
        Images.assertRendered(p, 560, 500);
        Table data = p.data();
        assertEquals(16, data.rowCount());
        for (int r = 0; r < 16; r++) {
            int pixel = data.intColumn("row").get(r) * 4 + data.intColumn("column").get(r);
            assertEquals(Math.min(6, pixel % 7), data.intColumn("kept").get(r), "pixel " + pixel);
        }
    }

    @Test
    void inputMaskWithoutAMaskCountsNonZeroWeights() {
        DenseLayer layer = Networks.mlp("m", 5, 9, 4, 2).layer(0);
        float[] w = layer.weightArray();
        w[0] = 0f;
        w[1] = 0f;
        layer.weights().assign(Nd4j.create(w, new long[] {9, 4}));
        Table data = Charts.inputMask(layer).data();
        assertEquals(2, data.intColumn("kept").get(0));
        assertEquals(4, data.intColumn("kept").get(1));
        assertThrows(IllegalArgumentException.class, () -> Charts.inputMask(Networks.mlp("m", 5, 10, 4, 2).layer(0)));
    }

    @Test
    void weightMatrixHeatMapKeepsEveryCellAndWhiteIsZero() {
        DenseLayer layer = Networks.mlp("m", 5, 30, 20, 2).layer(0);
        Plot p = Charts.heatMap(layer).size(400, 380);
        Images.assertRendered(p, 400, 380);
        Table data = p.data();
        assertEquals(600, data.rowCount());
        float[] w = layer.weightArray();
        assertEquals(w[7 * 20 + 3], data.doubleColumn("value").get(7 * 20 + 3), 1e-7);
        assertEquals(3, data.intColumn("column").get(7 * 20 + 3));
        assertEquals(0xFFFFFF, Palette.diverging(0));
        BufferedImage png = Images.assertRendered(Charts.heatMap(new double[][] {{1, -1}, {0, 2}}, "any"), 640, 600);
        assertEquals(640, png.getWidth());
    }

    @Test
    void extremeValuesKeepTheirPlaceOnTheColourScale() {
        double max = Double.MAX_VALUE;
        HeatMapPanel panel = new HeatMapPanel("t", "x", "y", "Value", new double[] {max, -max, 0, max / 2}, 2, 2, -max,
                max, f -> Palette.diverging(2 * f - 1), false);
        assertEquals(1.0, panel.position(max), 1e-12);
        assertEquals(0.0, panel.position(-max), 1e-12);
        assertEquals(0.5, panel.position(0), 1e-12, "zero stays white");
        assertEquals(0.75, panel.position(max / 2), 1e-12);
        // and the other end: a scale of a few subnormals (halving it would make it 0)
        double min = Double.MIN_VALUE;
        HeatMapPanel tiny = new HeatMapPanel("t", "x", "y", "Value", new double[] {min, -min, 0, 0}, 2, 2, -min, min,
                f -> Palette.diverging(2 * f - 1), false);
        assertEquals(0.5, tiny.position(0), 1e-12);
        assertEquals(1.0, tiny.position(min), 1e-12);
        Images.assertRendered(Charts.heatMap(new double[][] {{max, -max}, {0, max / 2}}, "extremes"), 640, 600);
    }

    @Test
    void aMatrixTallerThanThePanelShowsEveryRow() throws Exception {
        // 784 rows in about 510 pixels: one kept weight in any row must still colour a pixel
        double[][] empty = new double[784][300];
        empty[783][299] = 1; // the same colour scale in every image: ±1
        BufferedImage blank = ImageIO.read(new ByteArrayInputStream(Charts.heatMap(empty, "one").png()));
        for (int row = 0; row < 40; row++) {
            double[][] m = new double[784][300];
            m[783][299] = 1;
            m[row][150] = -1;
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.heatMap(m, "one").png()));
            boolean differs = false;
            for (int y = 0; y < image.getHeight() && !differs; y++) {
                for (int x = 0; x < image.getWidth() && !differs; x++) {
                    differs = image.getRGB(x, y) != blank.getRGB(x, y);
                }
            }
            assertTrue(differs, "the weight in row " + row + " is drawn");
        }
    }

    @Test
    void nonFiniteCellsAndMissingRowsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.heatMap(new double[][] {{1, 2}, {Double.NaN, 0}}, "nan"));
        assertTrue(e.getMessage().contains("row 1, column 0 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.heatMap(new double[][] {{1, 2}, null}, "x"));
        assertTrue(e.getMessage().contains("row 1 has no values"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Charts.heatMap(new double[][] {{1}}, null));
    }
}
