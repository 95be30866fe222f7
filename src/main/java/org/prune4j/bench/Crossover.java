package org.prune4j.bench;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where sparse starts to pay: per shape and batch, the lowest measured sparsity from which the fastest
 * {@linkplain MethodKind#SPARSE sparse} method is faster than the fastest {@linkplain MethodKind#DENSE dense} method
 * at that sparsity and at every higher one measured (so a lucky sample at a low sparsity does not count). Shrunk
 * methods are on neither side. Missing when sparse does not win at the highest sparsity.
 *
 * <p>Timing contract (long format, as {@link Timing#run()} makes it): {@code shape, batch, sparsity, method,
 * median_ms}. Where the table also has {@value Timing#VS_DENSE} for every sparse method at a sparsity (each
 * method's time over the fastest dense method's, round by round), "faster" means a ratio under 1 there; else the
 * medians are compared.
 */
public final class Crossover {
    /** Column of the crossover sparsity. */
    public static final String CROSSOVER = "crossover_sparsity";

    /** The columns a timing table must have. */
    public static final List<String> CONTRACT = List.of(Timing.SHAPE, Timing.BATCH, Timing.SPARSITY, Timing.METHOD,
            Timing.MEDIAN);

    private Crossover() {
    }

    /**
     * @param timing a long timing table
     * @return one row per shape and batch: shape, batch, crossover_sparsity, the lowest and highest sparsity
     *         measured ({@code sparsity_min}, {@code sparsity_max}: a crossover equal to {@code sparsity_min} means
     *         sparse already wins at the lowest level timed, and may win below it), and the ratio sparse / dense at
     *         the highest
     */
    public static Table of(Table timing) {
        Map<String, TreeMap<Double, double[]>> cells = bestPerCell(timing);
        Table t = Table.create("crossover", StringColumn.create(Timing.SHAPE), IntColumn.create(Timing.BATCH),
                DoubleColumn.create(CROSSOVER), DoubleColumn.create("sparsity_min"), DoubleColumn.create("sparsity_max"),
                DoubleColumn.create("sparse_over_dense_at_max"));
        for (var e : cells.entrySet()) {
            String[] key = e.getKey().split("\\|", 2);
            t.stringColumn(Timing.SHAPE).append(key[1]);
            t.intColumn(Timing.BATCH).append(Integer.parseInt(key[0]));
            OptionalDouble crossover = crossover(e.getValue());
            if (crossover.isPresent()) {
                t.doubleColumn(CROSSOVER).append(crossover.getAsDouble());
            } else {
                t.doubleColumn(CROSSOVER).appendMissing();
            }
            var first = e.getValue().firstEntry();
            t.doubleColumn("sparsity_min").append(first == null ? Double.NaN : first.getKey());
            var last = e.getValue().lastEntry();
            t.doubleColumn("sparsity_max").append(last == null ? Double.NaN : last.getKey());
            t.doubleColumn("sparse_over_dense_at_max").append(last == null ? Double.NaN : last.getValue()[1] / last.getValue()[0]);
        }
        return t;
    }

    /**
     * @param timing a long timing table
     * @param shape  a shape as written in it, e.g. "784x300"
     * @param batch  a batch size
     * @return the crossover sparsity of that cell, or empty if sparse does not win or the cell is missing
     */
    public static OptionalDouble at(Table timing, String shape, int batch) {
        TreeMap<Double, double[]> cell = bestPerCell(timing).get(batch + "|" + shape);
        return cell == null ? OptionalDouble.empty() : crossover(cell);
    }

    /**
     * @param timing a long timing table
     * @return each shape with its batch sizes, in order of first appearance
     */
    public static Map<String, List<Integer>> shapesAndBatches(Table timing) {
        requireContract(timing);
        Map<String, LinkedHashSet<Integer>> seen = new LinkedHashMap<>();
        for (Row r : timing) {
            seen.computeIfAbsent(r.getString(Timing.SHAPE), s -> new LinkedHashSet<>()).add(batch(r));
        }
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        seen.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** Checks the contract columns, naming the missing ones. */
    public static void requireContract(Table timing) {
        List<String> missing = CONTRACT.stream().filter(c -> !timing.containsColumn(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("a timing table needs columns " + CONTRACT + "; " + timing.name()
                    + " lacks " + missing + " (make one with Timing.of(...).run())");
        }
    }

    /**
     * "batch|shape" → sparsity → {best dense, best sparse}: the medians, or {1, best sparse ratio} where every sparse
     * method there has a round-by-round ratio to the fastest dense one.
     */
    private static Map<String, TreeMap<Double, double[]>> bestPerCell(Table timing) {
        requireContract(timing);
        boolean paired = timing.containsColumn(Timing.VS_DENSE);
        // {best dense median, best sparse median, best sparse ratio, sparse rows without a ratio}
        Map<String, TreeMap<Double, double[]>> cells = new LinkedHashMap<>();
        for (Row r : timing) {
            MethodKind kind = MethodKind.of(r.getString(Timing.METHOD));
            double median = r.getDouble(Timing.MEDIAN);
            String key = batch(r) + "|" + r.getString(Timing.SHAPE);
            TreeMap<Double, double[]> cell = cells.computeIfAbsent(key, k -> new TreeMap<>());
            if (kind == MethodKind.SHRUNK || kind == MethodKind.MIXED || !Double.isFinite(median)) {
                continue;
            }
            double[] best = cell.computeIfAbsent(r.getDouble(Timing.SPARSITY), s -> new double[] {
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0});
            if (kind == MethodKind.DENSE) {
                best[0] = Math.min(best[0], median);
            } else {
                best[1] = Math.min(best[1], median);
                double ratio = paired ? r.getDouble(Timing.VS_DENSE) : Double.NaN;
                if (Double.isFinite(ratio)) {
                    best[2] = Math.min(best[2], ratio);
                } else {
                    best[3]++;
                }
            }
        }
        Map<String, TreeMap<Double, double[]>> out = new LinkedHashMap<>();
        cells.forEach((key, cell) -> {
            TreeMap<Double, double[]> o = new TreeMap<>();
            cell.forEach((s, b) -> {
                // only sparsities where both kinds were timed count
                if (Double.isFinite(b[0]) && Double.isFinite(b[1])) {
                    o.put(s, b[3] == 0 && Double.isFinite(b[2]) ? new double[] {1, b[2]} : new double[] {b[0], b[1]});
                }
            });
            out.put(key, o);
        });
        return out;
    }

    private static OptionalDouble crossover(TreeMap<Double, double[]> cell) {
        Double crossover = null;
        for (var s : cell.descendingMap().entrySet()) {
            if (s.getValue()[1] < s.getValue()[0]) {
                crossover = s.getKey();
            } else {
                break;
            }
        }
        return crossover == null ? OptionalDouble.empty() : OptionalDouble.of(crossover);
    }

    private static int batch(Row r) {
        // the contract allows an int or a double column
        return (int) Math.round(r.getNumber(Timing.BATCH));
    }
}
