package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;

import tech.tablesaw.api.Table;

class WeightHistogramTest {
    static Network net;
    static Network pruned;

    @BeforeAll
    static void networks() {
        System.setProperty("java.awt.headless", "true");
        net = Networks.mlp("tiny", 7, 64, 32, 16, 10); // three layers, as LeNet-300-100
        pruned = net.copy();
        for (DenseLayer layer : pruned.layers()) {
            float[] w = layer.weightArray();
            for (int i = 0; i < w.length; i++) {
                if (Math.abs(w[i]) < 0.6 * maxAbs(w)) {
                    w[i] = 0f; // a magnitude threshold: leaves the gap around zero
                }
            }
            layer.weights().assign(Nd4j.create(w, new long[] {layer.inputs(), layer.outputs()}));
        }
    }

    static float maxAbs(float[] w) {
        float m = 0;
        for (float v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void everyLayerRendersAtItsDefaultSizeAndAtARequestedOne() {
        WeightHistogram h = Charts.weights(net);
        Images.assertRendered(h, h.width(), h.height());
        Images.assertRendered(h.size(500, 300), 500, 300);
        Images.assertRendered(Charts.weights(net.layer(0)).size(333, 222), 333, 222);
        assertEquals(500, h.size(500, 300).bins(20).width(), "options keep the size");
    }

    @Test
    void binCountsEqualADirectCount() {
        for (boolean zeros : new boolean[] {false, true}) {
            Table data = Charts.weights(net, pruned).zeros(zeros).bins(15).data();
            assertEquals(2 * 3 * 15, data.rowCount(), "2 states x 3 layers x 15 bins");
            for (int r = 0; r < data.rowCount(); r++) {
                String layer = data.stringColumn("layer").get(r);
                Network source = data.stringColumn("state").get(r).equals("before pruning") ? net : pruned;
                float[] w = source.layer(layer).weightArray();
                double low = data.doubleColumn("low").get(r);
                double high = data.doubleColumn("high").get(r);
                boolean last = data.intColumn("bin").get(r) == 14;
                long direct = 0;
                for (float v : w) {
                    if ((v != 0f || zeros) && v >= low && (v < high || (last && v <= high))) {
                        direct++;
                    }
                }
                assertEquals(direct, data.longColumn("count").get(r), "bin " + r + " of " + layer);
            }
        }
    }

    @Test
    void zerosAreLeftOutUnlessAsked() {
        DenseLayer layer = pruned.layer(1);
        long hidden = (long) Charts.weights(layer).data().longColumn("count").sum();
        long shown = (long) Charts.weights(layer).zeros(true).data().longColumn("count").sum();
        assertEquals(layer.nonZeroWeights(), hidden);
        assertEquals(layer.weightCount(), shown);
    }

    @Test
    void binsAreSharedBetweenStatesAndSymmetricAboutZero() {
        Table data = Charts.weights(net, pruned).data();
        Table fc1 = data.where(data.stringColumn("layer").isEqualTo("fc1"));
        Table before = fc1.where(fc1.stringColumn("state").isEqualTo("before pruning"));
        Table after = fc1.where(fc1.stringColumn("state").isEqualTo("after pruning"));
        assertEquals(before.doubleColumn("low").asList(), after.doubleColumn("low").asList());
        assertEquals(-before.doubleColumn("low").get(0), before.doubleColumn("high").get(before.rowCount() - 1), 1e-12);
    }

    @Test
    void optionsRenderAndLabelsAreChecked() {
        WeightHistogram three = Charts.weights(net, pruned, pruned).logCounts();
        Images.assertRendered(three, 3 * WeightHistogram.PANEL_WIDTH, WeightHistogram.HEIGHT + 30);
        assertEquals(List.of("a", "b"), List.copyOf(new LinkedHashSet<>(Charts.weights(net, pruned).labels("a", "b")
                .data().stringColumn("state").asList())));
        assertThrows(IllegalArgumentException.class, () -> Charts.weights(net, pruned).labels("only one"));
        assertThrows(IllegalArgumentException.class, () -> Charts.weights(net).bins(1));
        assertThrows(IllegalArgumentException.class, () -> Charts.weights(net).size(10, 10));
    }

    @Test
    void savesPngAndSvg(@TempDir Path dir) throws Exception {
        WeightHistogram h = Charts.weights(net, pruned).size(640, 300);
        Path png = h.save(dir.resolve("sub/w.png"));
        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        String svg = Files.readString(h.save(dir.resolve("w.svg")));
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("640"), "the SVG page has the plot's width");
        assertThrows(IllegalArgumentException.class, () -> h.save(dir.resolve("w.gif")));
    }

    @Test
    void nonFiniteWeightsAreNamedNotDroppedAndTicksAreRound() {
        Network net = Networks.mlp("n", 3, 30, 20, 2);
        float[] w = net.layer(0).weightArray();
        w[5] = Float.NaN;
        net.layer(0).weights().assign(Nd4j.create(w, new long[] {30, 20}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.weights(net));
        assertTrue(e.getMessage().contains("layer fc1 has 1 NaN or infinite weights"), e.getMessage());
        assertEquals(0.4, Ticks.roundUp(0.33), 1e-12);
        assertEquals(0.6, Ticks.roundUp(0.51), 1e-12);
        assertEquals(1.2, Ticks.roundUp(1.05), 1e-12);
        assertEquals(0.002, Ticks.roundUp(0.002), 1e-15);
        assertEquals("0", Ticks.formatter(0.4).apply(-1e-17));
        assertEquals("-0.2", Ticks.formatter(0.4).apply(-0.20000000000000004));
        assertEquals("0.0015", Ticks.formatter(0.003).apply(0.0015));
        assertEquals("150", Ticks.formatter(300).apply(150.0));
    }

    @Test
    void titleAndToString() {
        WeightHistogram h = Charts.weights(net).title("Before pruning");
        assertEquals("Before pruning", h.title());
        assertTrue(h.toString().contains("Before pruning"));
        assertTrue(Charts.weights(net).title().contains("tiny"));
    }

    @Test
    void aDeepNetworkShrinksItsPanelsAndAnImpossibleOneSaysWhatToDo() {
        int[] sizes = new int[32];
        java.util.Arrays.fill(sizes, 4);
        WeightHistogram deep = Charts.weights(Networks.mlp("deep", 1, sizes)); // 31 layers, 11 rows of panels
        assertEquals(org.prune4j.plot.Plot.MAX_SIZE, deep.height());
        Images.assertRendered(deep, deep.width(), deep.height());
        int[] many = new int[101];
        java.util.Arrays.fill(many, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.weights(Networks.mlp("too deep", 1, many)));
        assertTrue(e.getMessage().contains("100 layers are too many for one chart"), e.getMessage());
    }
}
