package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prune4j.bench.Crossover;
import org.prune4j.bench.MethodKind;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TimingChartTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final double[] LEVELS = {0, 0.5, 0.7, 0.8, 0.9, 0.95};

    /**
     * Two shapes, batches 1 and 32. For 784x300 batch 32, by hand: best dense is dense_nd4j (10 ms); csr takes
     * 40 (1 - s) ms, sell 30 (1 - s) + 1 ms: at 0.7 csr 12, sell 10 (not below 10); at 0.8 csr 8 < 10. Crossover
     * 0.8 — shrunk (always fastest) must not count. For 300x100 sparse never wins.
     */
    static Table timing() {
        Table t = Table.create("timing", StringColumn.create("shape"), IntColumn.create("batch"),
                DoubleColumn.create("sparsity"), StringColumn.create("method"), DoubleColumn.create("median_ms"),
                DoubleColumn.create("p25_ms"), DoubleColumn.create("p75_ms"));
        for (int batch : new int[] {1, 32}) {
            for (double s : LEVELS) {
                add(t, "784x300", batch, s, "dense_nd4j", 10);
                add(t, "784x300", batch, s, "dense_java", 14);
                add(t, "784x300", batch, s, "csr", 40 * (1 - s));
                add(t, "784x300", batch, s, "sell", 30 * (1 - s) + 1);
                add(t, "784x300", batch, s, "shrunk", 0.5);
                add(t, "300x100", batch, s, "dense_vector", 1);
                add(t, "300x100", batch, s, "csr", 5);
            }
        }
        return t;
    }

    private static void add(Table t, String shape, int batch, double s, String method, double ms) {
        t.stringColumn("shape").append(shape);
        t.intColumn("batch").append(batch);
        t.doubleColumn("sparsity").append(s);
        t.stringColumn("method").append(method);
        t.doubleColumn("median_ms").append(ms);
        t.doubleColumn("p25_ms").append(ms * 0.9);
        t.doubleColumn("p75_ms").append(ms * 1.1);
    }

    @Test
    void methodNamesAreClassifiedAsDocumented() {
        assertEquals(MethodKind.DENSE, MethodKind.of("dense_nd4j"));
        assertEquals(MethodKind.DENSE, MethodKind.of("Dense_Java"));
        assertEquals(MethodKind.SHRUNK, MethodKind.of("shrunk"));
        assertEquals(MethodKind.SHRUNK, MethodKind.of("shrunk_nd4j"));
        assertEquals(MethodKind.SPARSE, MethodKind.of("csr"));
        assertEquals(MethodKind.SPARSE, MethodKind.of("sell"));
        assertEquals(MethodKind.MIXED, MethodKind.of("mixed"));
    }

    @Test
    void markedCrossoverEqualsTheOneComputedByHand() {
        Table t = timing();
        assertEquals(0.8, Crossover.at(t, "784x300", 32).getAsDouble(), 1e-12);
        assertFalse(Crossover.at(t, "300x100", 32).isPresent());
        TimingChart chart = Charts.timing(t, 32);
        Table marked = chart.crossovers();
        assertEquals(2, marked.rowCount());
        assertEquals(0.8, marked.doubleColumn(Crossover.CROSSOVER).get(0), 1e-12);
        assertTrue(marked.doubleColumn(Crossover.CROSSOVER).isMissing(1));
        assertEquals(4, Crossover.of(t).rowCount());
    }

    @Test
    void rendersOnePanelPerShapeWithTheDataBehindIt() {
        TimingChart chart = Charts.timing(timing(), 32);
        Images.assertRendered(chart, chart.width(), chart.height());
        Images.assertRendered(chart.logTime().size(800, 400), 800, 400);
        Images.assertRendered(Charts.timing(timing()), 1000, 440 * 2 + 30);
        Table data = chart.data();
        assertEquals(7 * LEVELS.length, data.rowCount());
        assertEquals(32, data.intColumn("batch").min());
        assertEquals(1, data.where(data.stringColumn("method").isEqualTo("shrunk")
                .and(data.doubleColumn("sparsity").isEqualTo(0.9))).rowCount());
        assertEquals("shrunk", data.where(data.stringColumn("method").isEqualTo("shrunk")).stringColumn("kind").get(0));
    }

    @Test
    void oneSparsityDrawsAroundItAndItsCrossoverIsAnUpperBound() {
        Table t = timing().where(timing().doubleColumn("sparsity").isEqualTo(0.9));
        TimingChart chart = Charts.timing(t, 32);
        Images.assertRendered(chart, 1000, 470);
        assertEquals(0.9, chart.crossovers().where(chart.crossovers().stringColumn("shape").isEqualTo("784x300"))
                .doubleColumn("crossover_sparsity").get(0), 1e-12);
    }

    @Test
    void refusesPercentAndNonPositiveTimesOnALogAxis() {
        Table percent = timing();
        percent.doubleColumn("sparsity").set(3, 50.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.timing(percent, 32));
        assertTrue(e.getMessage().contains("did you pass percent"), e.getMessage());
        Table zero = timing();
        zero.doubleColumn("median_ms").set(2, 0.0);
        TimingChart chart = Charts.timing(zero, 32);
        e = assertThrows(IllegalArgumentException.class, chart::logTime);
        assertTrue(e.getMessage().contains("row 2 has median_ms 0.0"), e.getMessage());
    }

    @Test
    void theChartKeepsItsOwnCopyOfTheTable() {
        Table t = timing();
        TimingChart chart = Charts.timing(t, 32);
        t.doubleColumn("median_ms").set(0, 1e6);
        assertEquals(10, chart.data().where(chart.data().stringColumn("method").isEqualTo("dense_nd4j"))
                .doubleColumn("median_ms").get(0));
    }

    @Test
    void refusesAnUnknownBatchAndAWrongTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.timing(timing(), 64));
        assertTrue(e.getMessage().contains("[1, 32]"), e.getMessage());
        Table wrong = timing().removeColumns("median_ms");
        e = assertThrows(IllegalArgumentException.class, () -> Charts.timing(wrong, 32));
        assertTrue(e.getMessage().contains("median_ms"), e.getMessage());
    }
}
