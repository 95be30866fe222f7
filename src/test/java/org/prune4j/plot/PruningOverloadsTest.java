package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;
import org.prune4j.prune.Pruning;
import org.prune4j.prune.PruningRun;
import org.prune4j.prune.Report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The charts accept the prune package's objects and tables as they come. */
class PruningOverloadsTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static PruningRun run() {
        Network before = Networks.mlp("net", 3, 30, 20, 10, 5);
        Network pruned = before.copy();
        Pruning.magnitude(0.8).apply(pruned);
        Network retrained = pruned.copy();
        return new PruningRun(before, pruned, retrained, Table.create("steps"), List.of());
    }

    @Test
    void aPruningRunGivesTheThreeStatesOfFig7() {
        PruningRun run = run();
        WeightHistogram h = Charts.weights(run);
        Images.assertRendered(h, h.width(), h.height());
        assertEquals(List.of("before pruning", "after pruning", "after retraining"),
                List.copyOf(new LinkedHashSet<>(h.data().stringColumn("state").asList())));
        long nonZero = run.network().layer("fc2").nonZeroWeights();
        Table data = h.data();
        assertEquals(nonZero, (long) data.where(data.stringColumn("layer").isEqualTo("fc2")
                .and(data.stringColumn("state").isEqualTo("after retraining"))).longColumn("count").sum());
    }

    @Test
    void barsEqualTheReportAndThePapersTable() {
        PruningRun run = run();
        Table report = Report.of(run.network());
        Table bars = Charts.kept(report).and("Han et al. 2015", Report.hanLenet300100()).data();
        for (int r = 0; r < report.rowCount(); r++) {
            String layer = report.stringColumn("layer").get(r);
            Table row = bars.where(bars.stringColumn("series").isEqualTo(report.name())
                    .and(bars.stringColumn("layer").isEqualTo(layer)));
            assertEquals(report.doubleColumn("kept").get(r), row.doubleColumn("kept").get(0), 1e-12, layer);
        }
        Table paper = bars.where(bars.stringColumn("series").isEqualTo("Han et al. 2015"));
        assertEquals(List.of(0.08, 0.09, 0.26, 0.08), paper.doubleColumn("kept").asList());
        assertEquals(report.doubleColumn("kept").asList(), Charts.kept(run).data().doubleColumn("kept").asList(),
                "a run's bars are its final network's report");
    }

    @Test
    void aBesidePaperTableBecomesTwoSeries() {
        Table beside = Table.create("ours beside Han", StringColumn.create("layer", "fc1", "fc2", "total"),
                DoubleColumn.create("kept", 0.1, 0.2, 0.12), DoubleColumn.create("paper_kept", 0.08, 0.09, 0.08));
        KeptBars bars = Charts.kept(beside);
        Images.assertRendered(bars, 720, 440);
        Table data = bars.data();
        assertEquals(6, data.rowCount());
        assertEquals(0.2, data.where(data.stringColumn("series").isEqualTo("ours")
                .and(data.stringColumn("layer").isEqualTo("fc2"))).doubleColumn("kept").get(0), 1e-12,
                "the report's own series is 'ours', not its caption");
        assertEquals(0.09, data.where(data.stringColumn("series").isEqualTo("Han et al. 2015")
                .and(data.stringColumn("layer").isEqualTo("fc2"))).doubleColumn("kept").get(0), 1e-12);
    }
}
