package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class KeptBarsTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Network prunedEveryKth(int... keepEvery) {
        Network net = Networks.mlp("net", 3, 20, 10, 8, 5);
        for (int l = 0; l < net.layers().size(); l++) {
            DenseLayer layer = net.layer(l);
            float[] w = layer.weightArray();
            for (int i = 0; i < w.length; i++) {
                if (i % keepEvery[l] != 0) {
                    w[i] = 0f;
                }
            }
            layer.weights().assign(Nd4j.create(w, new long[] {layer.inputs(), layer.outputs()}));
        }
        return net;
    }

    private static double kept(Table data, String series, String layer) {
        Table row = data.where(data.stringColumn("series").isEqualTo(series)
                .and(data.stringColumn("layer").isEqualTo(layer)));
        assertEquals(1, row.rowCount(), series + "/" + layer);
        return row.doubleColumn("kept").get(0);
    }

    @Test
    void barsFromANetworkEqualItsNonZeroFractions() {
        Network net = prunedEveryKth(2, 5, 5);
        KeptBars bars = Charts.kept(net);
        Images.assertRendered(bars, 720, 440);
        Table data = bars.data();
        for (DenseLayer l : net.layers()) {
            assertEquals((double) l.nonZeroWeights() / l.weightCount(), kept(data, "net", l.name()), 1e-12);
        }
        assertEquals((double) net.nonZeroWeights() / net.weightCount(), kept(data, "net", KeptBars.TOTAL), 1e-12);
        assertEquals(0.2, kept(data, "net", "fc2"), 1e-12); // 16 of 10 x 8
    }

    @Test
    void barsFromAReportEqualTheReportAndATotalIsComputed() {
        Table report = Table.create("Han Table 1", StringColumn.create("layer", "fc1", "fc2", "fc3"),
                LongColumn.create("weights", 235_200, 30_000, 1_000),
                LongColumn.create("non_zero", 18_816, 2_700, 260));
        Table data = Charts.kept(report).data();
        assertEquals(18_816 / 235_200.0, kept(data, "Han Table 1", "fc1"), 1e-12);
        assertEquals(0.26, kept(data, "Han Table 1", "fc3"), 1e-12);
        assertEquals((18_816 + 2_700 + 260) / 266_200.0, kept(data, "Han Table 1", "total"), 1e-12);

        Table withKept = Table.create("r", StringColumn.create("layer", "fc1", "fc2"),
                DoubleColumn.create("kept", 0.5, 0.25));
        assertEquals(0.25, kept(Charts.kept(withKept).data(), "r", "fc2"), 1e-12);
    }

    @Test
    void sourcesStandSideBySide() {
        Map<String, Double> paper = new LinkedHashMap<>();
        paper.put("fc1", 0.08);
        paper.put("fc2", 0.09);
        paper.put("fc3", 0.26);
        paper.put("total", 0.08);
        KeptBars bars = Charts.kept(prunedEveryKth(10, 10, 4)).and("Han et al.", paper).size(600, 350);
        Images.assertRendered(bars, 600, 350);
        Table data = bars.data();
        assertEquals(List.of("net", "Han et al."), List.copyOf(new LinkedHashSet<>(data.stringColumn("series").asList())));
        assertEquals(0.26, kept(data, "Han et al.", "fc3"), 1e-12);
        assertEquals(8, data.rowCount());
    }

    @Test
    void barsOfAnUnorderedMapAreSortedAndLayersMatchWhateverTheirCase() {
        Map<String, Double> unordered = new java.util.HashMap<>(Map.of("fc3", .26, "fc1", .08, "total", .08,
                "fc2", .09));
        Table data = Charts.kept("Han", unordered).data();
        assertEquals(List.of("fc1", "fc2", "fc3", "total"), data.stringColumn("layer").asList());
        Table both = Charts.kept("a", Map.of("fc1", .1)).and("b", Map.of("FC1", .2)).data();
        assertEquals(2, both.rowCount(), "one group for fc1 and FC1, one bar each");
        Map<String, Double> missing = new LinkedHashMap<>();
        missing.put("fc1", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.kept("x", missing));
        assertTrue(e.getMessage().contains("no kept fraction for fc1"), e.getMessage());
    }

    @Test
    void refusesPercentAndMissingColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.kept("paper", Map.of("fc1", 8.0)));
        assertTrue(e.getMessage().contains("percent"), e.getMessage());
        Table wrong = Table.create("wrong", StringColumn.create("name", "fc1"));
        e = assertThrows(IllegalArgumentException.class, () -> Charts.kept(wrong));
        assertTrue(e.getMessage().contains("layer") && e.getMessage().contains("[name]"), e.getMessage());
    }

    @Test
    void anUnnamedTableChartsAndANamelessLayerIsRefused() {
        Table unnamed = Table.create(StringColumn.create("layer", "a"), DoubleColumn.create("kept", 0.5));
        Images.assertRendered(Charts.kept(unnamed), 720, 440);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.kept("a", Map.of("", 0.5)));
        assertTrue(e.getMessage().contains("a layer without a name"), e.getMessage());
    }
}
