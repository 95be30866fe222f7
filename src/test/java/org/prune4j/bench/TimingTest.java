package org.prune4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.VectorApi;
import org.prune4j.nn.Activation;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;
import org.prune4j.sparse.SparseKernel;

import tech.tablesaw.api.Table;

/** The harness's shape and bookkeeping (not its numbers: tests do not time). */
class TimingTest {

    @Test
    void layerTimingIsALongTableWithEveryMethod() {
        List<String> lines = new ArrayList<>();
        Table t = Timing.ofShape(40, 20).sparsities(0.9, 0.5).batches(1, 8).time(0.01, 0.002).samples(3, 3)
                .progress(lines::add).run();
        assertEquals(List.of("shape", "batch", "sparsity", "method", "median_ms", "p25_ms", "p75_ms", "vs_best_dense",
                "samples", "attempts", "detail"), t.columnNames());
        Set<String> methods = new TreeSet<>(t.stringColumn("method").asList());
        Set<String> expected = new TreeSet<>(List.of("dense_nd4j", "dense_java", "sparse_java", "shrunk"));
        if (VectorApi.available()) {
            expected.addAll(List.of("dense_vector", "sparse_vector"));
        }
        assertEquals(expected, methods);
        // at batch 1, a VECTOR kernel that runs the plain-Java SpMV is not timed twice
        boolean once = VectorApi.available() && !SparseKernel.VECTOR.gathers();
        assertEquals(once, !t.where(t.intColumn("batch").isEqualTo(1)).stringColumn("method").contains("sparse_vector"));
        assertEquals((expected.size() * 2 - (once ? 1 : 0)) * 2, t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals("40x20", t.stringColumn("shape").get(i));
            double p25 = t.doubleColumn("p25_ms").get(i);
            double med = t.doubleColumn("median_ms").get(i);
            double p75 = t.doubleColumn("p75_ms").get(i);
            assertTrue(p25 > 0 && p25 <= med && med <= p75, t.row(i).toString());
            assertEquals(3, t.intColumn("samples").get(i));
            // every row has a round-by-round ratio to the fastest dense kernel; that kernel's own is 1
            double ratio = t.doubleColumn(Timing.VS_DENSE).get(i);
            assertTrue(ratio > 0 && Double.isFinite(ratio), t.row(i).toString());
            if (t.stringColumn("detail").get(i).startsWith("fastest dense")) {
                assertEquals(1.0, ratio, 0);
            }
        }
        // each sparse row says what it multiplied with: 40x20 weights at 90 % and 50 % sparsity, and at batch 1 how
        for (int i = 0; i < t.rowCount(); i++) {
            String method = t.stringColumn("method").get(i);
            if (method.startsWith("sparse_")) {
                String nonZeros = t.doubleColumn("sparsity").get(i) == 0.9 ? "80" : "400";
                SparseKernel k = SparseKernel.valueOf(method.substring("sparse_".length()).toUpperCase(Locale.ROOT));
                String how = t.intColumn("batch").get(i) != 1 ? ""
                        : ", " + k.spmv() + (once ? " (the VECTOR kernel's SpMV too on this CPU)" : "");
                assertEquals(nonZeros + " non-zeros" + how, t.stringColumn("detail").get(i), t.row(i).toString());
            }
        }
        assertEquals("scalar SELL-8", SparseKernel.JAVA.spmv());
        Table shrunk = t.where(t.stringColumn("method").isEqualTo("shrunk").and(t.doubleColumn("sparsity").isEqualTo(0.5)));
        assertTrue(shrunk.stringColumn("detail").get(0).endsWith("40x10"), shrunk.stringColumn("detail").get(0));
        assertEquals(List.of("40x20 batch 1: 2 sparsities", "40x20 batch 8: 2 sparsities"),
                lines.stream().map(l -> l.substring(0, l.indexOf(" in "))).toList());
        Table c = Timing.crossover(t);
        assertEquals(List.of("shape", "batch", "crossover_sparsity", "sparsity_min", "sparsity_max", "sparse_over_dense_at_max"), c.columnNames());
        assertEquals(2, c.rowCount());
    }

    @Test
    void networkTimingWithAShrunkNetwork() {
        Network net = Networks.mlp("tiny", 3, 30, 20, 5);
        Network shrunk = Networks.mlp("tiny-shrunk", 3, 30, 6, 5);
        Table t = Timing.of(net).sparsities(0.8).batches(4).shrunk(shrunk).time(0.01, 0.002).samples(3, 3).run();
        assertEquals(Set.of("30-20-5"), new TreeSet<>(t.stringColumn("shape").asList()));
        assertTrue(t.stringColumn("method").asList().contains("shrunk"));
        assertTrue(t.stringColumn("method").asList().contains("sparse_java"));
        // each layer pruned to 80 %: 120 of 600 and 20 of 100 weights left
        Table sparse = t.where(t.stringColumn("method").startsWith("sparse_"));
        assertEquals(List.of("140 non-zeros"), sparse.stringColumn("detail").unique().asList());
        assertThrows(IllegalArgumentException.class, () -> Timing.of(net).shrunk(Networks.mlp("x", 1, 31, 5)));
        // at batch 4 every layer runs sparse: no mixed row
        assertFalse(t.stringColumn("method").asList().contains(Timing.MIXED));
        assertThrows(IllegalStateException.class, () -> Timing.ofShape(3, 3).shrunk(shrunk));
    }

    @Test
    void aNetworkAtBatchOneAlsoRunsWhatSparseNetworkOfRuns() {
        // at 50 % every layer is dense enough to run dense one input at a time (with the Vector API): the "mixed"
        // row is SparseNetwork.of's pass, the sparse rows keep every layer sparse, and the crossover ignores mixed
        Network net = Networks.mlp("tiny", 3, 30, 20, 5);
        Table t = Timing.of(net).sparsities(0.5, 0.95).batches(1).time(0.01, 0.002).samples(3, 3).run();
        Table mixed = t.where(t.stringColumn("method").isEqualTo(Timing.MIXED));
        if (!VectorApi.available()) {
            assertEquals(0, mixed.rowCount());
            return;
        }
        assertEquals(List.of(0.5), mixed.doubleColumn("sparsity").asList());
        assertEquals("every layer dense (vector); SparseNetwork.of's choice", mixed.stringColumn("detail").get(0));
        assertTrue(mixed.doubleColumn(Timing.VS_DENSE).get(0) > 0);
        // the sparse rows multiply with every non-zero: at 50 %, 300 of fc1's 600 weights and 50 of fc2's 100
        Table sparse = t.where(t.stringColumn("method").startsWith("sparse_"));
        assertEquals(Set.of(0.5, 0.95), Set.copyOf(sparse.doubleColumn("sparsity").asList()));
        assertTrue(sparse.stringColumn("detail").get(0).startsWith("350 non-zeros"), sparse.stringColumn("detail").get(0));

        // timed as it is, fc1 at 95 % runs sparse and fc2 at 50 % dense
        Network layered = org.prune4j.prune.Pruning.magnitude(java.util.Map.of("fc1", 0.95, "fc2", 0.5))
                .apply(Networks.mlp("tiny", 3, 30, 20, 5));
        Table asIs = Timing.of(layered).batches(1).time(0.01, 0.002).samples(3, 3).run();
        assertEquals(List.of("fc2 dense (vector), the others " + SparseKernel.VECTOR.spmv()
                + "; SparseNetwork.of's choice"), asIs.where(asIs.stringColumn("method").isEqualTo(Timing.MIXED))
                .stringColumn("detail").asList());
    }

    @Test
    void aCellIsTimedOnceWithOneAttempt() {
        // with several attempts a busy cell may be timed again; with one, every dense row's detail is plain
        Table t = Timing.ofShape(30, 10).sparsities(0.5, 0.7, 0.9).batches(2).time(0.005, 0.002).samples(3, 3)
                .attempts(1).run();
        List<String> details = t.where(t.stringColumn("detail").startsWith("fastest dense")).stringColumn("detail")
                .asList();
        assertEquals(List.of("fastest dense, timed with this sparsity", "fastest dense, timed with this sparsity",
                "fastest dense, timed with this sparsity"), details);
        assertEquals(List.of(1), t.intColumn("attempts").unique().asList());
    }

    @Test
    void aRetimedCellSaysSoAndKeepsItsRows() {
        // attempts are decided by the dense times, which a test cannot control; whatever happened, each cell has
        // its rows once, and a cell timed again names its attempts (at most the limit)
        Table t = Timing.ofShape(30, 10).sparsities(0.5, 0.7, 0.9).batches(2).time(0.005, 0.002).samples(3, 3)
                .attempts(2).run();
        assertEquals(3, t.where(t.stringColumn("method").isEqualTo("sparse_java")).rowCount());
        Table fastest = t.where(t.stringColumn("detail").startsWith("fastest dense"));
        for (int i = 0; i < fastest.rowCount(); i++) {
            String d = fastest.stringColumn("detail").get(i);
            int tries = fastest.intColumn("attempts").get(i);
            assertTrue(tries == 1 && d.equals("fastest dense, timed with this sparsity")
                    || tries == 2 && d.matches("fastest dense, timed with this sparsity; 2 attempts \\(dense .*x the"
                    + " quietest in the first, .*x in the one kept\\)"), tries + " " + d);
            // every row of a cell carries its cell's attempts
            double s = fastest.doubleColumn("sparsity").get(i);
            assertEquals(List.of(tries), t.where(t.doubleColumn("sparsity").isEqualTo(s)).intColumn("attempts")
                    .unique().asList());
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(3, 3).sparsities(1.0));
        DenseLayer half = new DenseLayer("fc", Nd4j.createFromArray(new float[][] {{0, 1}, {0, 2}}), Nd4j.zeros(2),
                Activation.RELU);
        assertThrows(IllegalArgumentException.class, () -> Timing.of(half).sparsities(0.25, 0.75),
                "a layer already 50 % sparse cannot be timed at 25 %");
        Timing.of(half).sparsities(0.5, 0.75);
        // a network is bounded by its sparsest layer: each layer is pruned to the level, none un-pruned
        Network uneven = new Network("uneven", List.of(half, new DenseLayer("fc2", Nd4j.createFromArray(
                new float[][] {{1, 1}, {1, 1}}), Nd4j.zeros(2), Activation.IDENTITY)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timing.of(uneven).sparsities(0.3));
        assertTrue(e.getMessage().contains("0.5000 sparse in its sparsest layer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(100, 100).batches(30_000_000));
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(3, 3).sparsities(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(3, 3).batches(0));
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(0, 3));
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(3, 3).samples(2, 5));
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(3, 3).time(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Timing.ofShape(3, 3).attempts(0));
    }

    @Test
    void aCellFoundBusyLateStillGetsAllItsAttempts() {
        // cell 1 is busy; timed again it comes out quiet (0.075), which makes cells 0 and 2 busy against it: they get
        // their attempts too, 3 in all, and stay busy only when every attempt was
        double[] dense = {0.16, 0.20, 0.14};
        double[] retimed = {0.16, 0.075, 0.14};
        int[] more = Timing.retimeBusy(dense, 0.14, 3, i -> Math.min(dense[i], retimed[i]));
        assertArrayEquals(new int[] {2, 1, 2}, more);
        assertArrayEquals(new double[] {0.16, 0.075, 0.14}, dense, 0);
        // with one attempt nothing is timed again
        assertArrayEquals(new int[] {0, 0}, Timing.retimeBusy(new double[] {0.1, 0.9}, 0.1, 1, i -> 0));
        // a cell that turns quiet stops being timed
        double[] settles = {0.1, 0.5};
        assertArrayEquals(new int[] {0, 1}, Timing.retimeBusy(settles, 0.1, 3, i -> 0.11));
    }
}
