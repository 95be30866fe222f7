package org.prune4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where sparse starts to pay: per shape and batch, the lowest measured sparsity from which the fastest sparse
 * method ({@code sparse_*}) is faster than the fastest dense method ({@code dense_*}) at that sparsity and at every
 * higher one measured. Missing when sparse never wins at the highest sparsity.
 */
public final class Crossover {
    /** Column of the crossover sparsity. */
    public static final String CROSSOVER = "crossover_sparsity";

    private Crossover() {
    }

    /**
     * @param timing a long table as made by {@link Timing#run()}
     * @return one row per shape and batch: shape, batch, crossover_sparsity, and the ratio sparse / dense at the
     *         highest sparsity measured
     */
    public static Table of(Table timing) {
        // shape|batch -> sparsity -> {best dense, best sparse}
        Map<String, TreeMap<Double, double[]>> cells = new LinkedHashMap<>();
        Map<String, Object[]> keys = new LinkedHashMap<>();
        for (Row r : timing) {
            String method = r.getString(Timing.METHOD);
            boolean dense = method.startsWith("dense_");
            boolean sparse = method.startsWith("sparse_");
            if (!dense && !sparse) {
                continue;
            }
            String key = r.getString(Timing.SHAPE) + "|" + r.getInt(Timing.BATCH);
            keys.putIfAbsent(key, new Object[] {r.getString(Timing.SHAPE), r.getInt(Timing.BATCH)});
            double[] best = cells.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(
                    r.getDouble(Timing.SPARSITY), s -> new double[] {Double.MAX_VALUE, Double.MAX_VALUE});
            int i = dense ? 0 : 1;
            best[i] = Math.min(best[i], r.getDouble(Timing.MEDIAN));
        }
        Table t = Table.create("crossover", StringColumn.create(Timing.SHAPE), IntColumn.create(Timing.BATCH),
                DoubleColumn.create(CROSSOVER), DoubleColumn.create("sparsity_max"),
                DoubleColumn.create("sparse_over_dense_at_max"));
        for (var e : cells.entrySet()) {
            Double crossover = null;
            for (var s : e.getValue().descendingMap().entrySet()) {
                if (s.getValue()[1] < s.getValue()[0]) {
                    crossover = s.getKey();
                } else {
                    break;
                }
            }
            var last = e.getValue().lastEntry();
            Object[] k = keys.get(e.getKey());
            t.stringColumn(Timing.SHAPE).append((String) k[0]);
            t.intColumn(Timing.BATCH).append((Integer) k[1]);
            if (crossover == null) {
                t.doubleColumn(CROSSOVER).appendMissing();
            } else {
                t.doubleColumn(CROSSOVER).append(crossover);
            }
            t.doubleColumn("sparsity_max").append(last.getKey());
            t.doubleColumn("sparse_over_dense_at_max").append(last.getValue()[1] / last.getValue()[0]);
        }
        return t;
    }
}
