package org.prune4j.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
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

    @Test
    void paperTableHasHansNumbers() {
        Table paper = Report.hanLenet300100();
        assertEquals(0.08, paper.doubleColumn("kept").get(0));
        assertEquals(0.26, paper.doubleColumn("kept").get(2));
        assertEquals(266_200L, paper.longColumn("weights").get(3));
    }
}
