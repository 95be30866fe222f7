package org.prune4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CrossoverTest {
    private static Table table(Object[][] rows) {
        Table t = Table.create("t", StringColumn.create("shape"), IntColumn.create("batch"), DoubleColumn.create("sparsity"),
                StringColumn.create("method"), DoubleColumn.create("median_ms"));
        for (Object[] r : rows) {
            t.stringColumn("shape").append((String) r[0]);
            t.intColumn("batch").append((Integer) r[1]);
            t.doubleColumn("sparsity").append((Double) r[2]);
            t.stringColumn("method").append((String) r[3]);
            t.doubleColumn("median_ms").append((Double) r[4]);
        }
        return t;
    }

    @Test
    void goldenCrossovers() {
        Table t = table(new Object[][] {
            // a: sparse wins from 0.8 on (the win at 0.5 is not followed by wins at 0.6: not a crossover)
            {"a", 1, 0.5, "dense_vector", 1.0}, {"a", 1, 0.5, "dense_nd4j", 2.0}, {"a", 1, 0.5, "sparse_java", 0.9},
            {"a", 1, 0.6, "dense_vector", 1.0}, {"a", 1, 0.6, "sparse_java", 1.1}, {"a", 1, 0.6, "sparse_vector", 1.2},
            {"a", 1, 0.8, "dense_vector", 1.0}, {"a", 1, 0.8, "sparse_java", 0.7}, {"a", 1, 0.8, "shrunk", 0.1},
            // a network that runs its denser layers dense beats dense at 0.6 too, but is not a sparse method
            {"a", 1, 0.6, "mixed", 0.95},
            {"a", 1, 0.9, "dense_vector", 1.0}, {"a", 1, 0.9, "sparse_vector", 0.3},
            // b: the fastest dense is ND4J at 0.9; sparse never wins
            {"b", 32, 0.5, "dense_vector", 1.0}, {"b", 32, 0.5, "sparse_vector", 3.0},
            {"b", 32, 0.9, "dense_vector", 1.0}, {"b", 32, 0.9, "dense_nd4j", 0.4}, {"b", 32, 0.9, "sparse_vector", 0.5},
        });
        Table c = Crossover.of(t);
        assertEquals(2, c.rowCount());
        assertEquals(0.8, c.doubleColumn("crossover_sparsity").get(0), 0);
        assertEquals(0.5, c.doubleColumn("sparsity_min").get(0), 0, "the lowest level timed, for a crossover there");
        assertEquals(0.9, c.doubleColumn("sparsity_max").get(0), 0);
        assertEquals(0.3, c.doubleColumn("sparse_over_dense_at_max").get(0), 1e-12);
        assertTrue(c.doubleColumn("crossover_sparsity").isMissing(1));
        assertEquals(1.25, c.doubleColumn("sparse_over_dense_at_max").get(1), 1e-12);
    }

    @Test
    void roundByRoundRatiosDecideWhereEverySparseMethodHasOne() {
        Table t = table(new Object[][] {
            // medians say dense wins at 0.4, the rounds say sparse does (0.9); at 0.9 both say sparse
            {"n", 256, 0.4, "dense_vector", 0.6}, {"n", 256, 0.4, "sparse_vector", 0.7},
            {"n", 256, 0.9, "dense_vector", 1.0}, {"n", 256, 0.9, "sparse_vector", 0.3},
            // medians say sparse wins at 0.5, the rounds say it does not (1.1)
            {"m", 32, 0.5, "dense_vector", 1.0}, {"m", 32, 0.5, "sparse_vector", 0.9},
            {"m", 32, 0.9, "dense_vector", 1.0}, {"m", 32, 0.9, "sparse_vector", 0.2},
        });
        DoubleColumn ratio = DoubleColumn.create(Timing.VS_DENSE, new double[] {1, 0.9, 1, 0.28, 1, 1.1, 1, 0.25});
        Table c = Crossover.of(t.copy().addColumns(ratio));
        assertEquals(0.4, c.doubleColumn("crossover_sparsity").get(0), 0);
        assertEquals(0.28, c.doubleColumn("sparse_over_dense_at_max").get(0), 1e-12);
        assertEquals(0.9, c.doubleColumn("crossover_sparsity").get(1), 0);
        // without the ratios, the medians decide
        Table m = Crossover.of(t);
        assertEquals(0.9, m.doubleColumn("crossover_sparsity").get(0), 0);
        assertEquals(0.5, m.doubleColumn("crossover_sparsity").get(1), 0);
        // a sparse row without a ratio at a sparsity: the medians decide there
        DoubleColumn partial = DoubleColumn.create(Timing.VS_DENSE, new double[] {1, Double.NaN, 1, 0.28, 1, 1.1, 1, 0.25});
        assertEquals(0.9, Crossover.of(t.copy().addColumns(partial)).doubleColumn("crossover_sparsity").get(0), 0);
    }
}
