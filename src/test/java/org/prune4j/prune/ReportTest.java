package org.prune4j.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.prune4j.data.LabeledImages;
import org.prune4j.nn.Network;

import tech.tablesaw.api.Table;

class ReportTest {
    @Test
    void countsWeightsKeptFlopsAndCompression() {
        Network net = Fixtures.golden();
        Pruning.magnitude(0.34).onLayers("fc1").apply(net);
        Table t = Report.of(net);
        assertEquals(3, t.rowCount());
        assertEquals("fc1", t.stringColumn("layer").get(0));
        assertEquals("3x3", t.stringColumn("shape").get(0));
        assertEquals(9, t.longColumn("weights").get(0));
        assertEquals(6, t.longColumn("non_zero").get(0));
        assertEquals(6.0 / 9, t.doubleColumn("kept").get(0), 1e-12);
        assertEquals(18, t.doubleColumn("flops_dense").get(0), 1e-12);
        assertEquals(12, t.doubleColumn("flops_remaining").get(0), 1e-12);
        assertEquals(1.5, t.doubleColumn("compression").get(0), 1e-12);
        assertEquals("total", t.stringColumn("layer").get(2));
        assertEquals(15, t.longColumn("weights").get(2));
        assertEquals(12, t.longColumn("non_zero").get(2));
        assertEquals(15.0 / 12, t.doubleColumn("compression").get(2), 1e-12);
    }

    /**
     * Han's Act% and FLOP% on one example, worked out by hand. Input [1, 0, 0]: fc1 computes row 0 of
     * [[6,0,9],[0,5,7],[4,8,0]], relu [6, 0, 9] (2 of 3 non-zero); its FLOPs count the input dense, 2 x 6 = 12 of 18.
     * fc2 gets [6, 0, 9]: inputs 0 and 2, each with 2 non-zero weights, 2 x 4 = 8 of 12; it outputs
     * 6 [1, -1] + 9 [-3, 1] = [-21, 3] (both non-zero). Total activations (2 + 2) / 5, FLOPs 20 of 30.
     */
    @Test
    void activationsAndFlopsAsHanCountsThemByHand() {
        Network base = Fixtures.golden();
        Network net = Pruning.magnitude(0.34).onLayers("fc1").apply(Fixtures.golden());
        LabeledImages one = new LabeledImages("one", new byte[] {(byte) 255, 0, 0}, new byte[] {1}, 1, 3, 2);
        Table t = Report.of(net, one);
        assertEquals(List.of("fc1", "fc2", "total"), t.stringColumn("layer").asList());
        double[] act = {2.0 / 3, 1.0, 0.8};
        double[] remaining = {12, 8, 20};
        double[] kept = {12.0 / 18, 8.0 / 12, 20.0 / 30};
        for (int r = 0; r < 3; r++) {
            assertEquals(act[r], t.doubleColumn("activation_kept").get(r), 1e-12, "activation_kept row " + r);
            assertEquals(remaining[r], t.doubleColumn("flops_remaining").get(r), 1e-12, "flops_remaining row " + r);
            assertEquals(kept[r], t.doubleColumn("flop_kept").get(r), 1e-12, "flop_kept row " + r);
        }
        // parameters = non-zero weights + biases: 15 + 5 and 12 + 5; both predict class 1 ([-15, 4.5], [-21, 3])
        Table table1 = Report.table1(base, net, one);
        assertEquals(20L, table1.longColumn("parameters").get(2));
        assertEquals(17L, table1.longColumn("parameters").get(3));
        assertEquals(20.0 / 17, table1.doubleColumn("parameter_compression").get(3), 1e-12);
        assertEquals(0.0, table1.doubleColumn("top1_error").get(3), 0);
    }

    @Test
    void paperTableHasHansNumbers() {
        Table paper = Report.hanLenet300100();
        assertEquals(0.08, paper.doubleColumn("kept").get(0));
        assertEquals(0.26, paper.doubleColumn("kept").get(2));
        assertEquals(266_200L, paper.longColumn("weights").get(3));
    }
}
