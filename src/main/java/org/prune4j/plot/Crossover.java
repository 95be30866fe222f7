package org.prune4j.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where sparse multiplication starts to pay: for one {@code (shape, batch)} of a timing table, the lowest sparsity
 * at which the fastest {@linkplain MethodKind#SPARSE sparse} method's median time is below the fastest
 * {@linkplain MethodKind#DENSE dense} method's median at the same sparsity. Only sparsities timed for both kinds
 * count. Shrunk methods are on neither side. If sparse never wins there is no crossover, and the chart says so
 * rather than guessing one.
 *
 * <p>Timing contract (long format): {@code shape, batch, sparsity, method, median_ms} (plus {@code p25_ms, p75_ms},
 * kept in the data but not needed here).
 */
public final class Crossover {
    static final String[] CONTRACT = {"shape", "batch", "sparsity", "method", "median_ms"};

    private Crossover() {
    }

    /**
     * @param timing the timing table
     * @param shape  the shape to look at, as written in the table
     * @param batch  the batch size
     * @return the crossover sparsity (a fraction), or empty if sparse never wins or a kind is missing
     */
    public static OptionalDouble of(Table timing, String shape, int batch) {
        Columns.require(timing, "crossover", CONTRACT);
        String[] shapes = Columns.strings(timing, "shape");
        double[] batches = Columns.doubles(timing, "batch");
        double[] sparsity = Columns.doubles(timing, "sparsity");
        String[] methods = Columns.strings(timing, "method");
        double[] median = Columns.doubles(timing, "median_ms");
        TreeMap<Double, double[]> best = new TreeMap<>(); // sparsity -> {best dense, best sparse}
        for (int i = 0; i < shapes.length; i++) {
            if (!shapes[i].equals(shape) || batches[i] != batch || !Double.isFinite(median[i])) {
                continue;
            }
            MethodKind kind = MethodKind.of(methods[i]);
            if (kind == MethodKind.SHRUNK) {
                continue;
            }
            double[] b = best.computeIfAbsent(sparsity[i], s -> new double[] {Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY});
            int side = kind == MethodKind.DENSE ? 0 : 1;
            b[side] = Math.min(b[side], median[i]);
        }
        for (Map.Entry<Double, double[]> e : best.entrySet()) {
            double[] b = e.getValue();
            if (Double.isFinite(b[0]) && Double.isFinite(b[1]) && b[1] < b[0]) {
                return OptionalDouble.of(e.getKey());
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Every {@code (shape, batch)} of a timing table with its crossover.
     *
     * @param timing the timing table
     * @return columns {@code shape, batch, crossover} (missing where there is none)
     */
    public static Table all(Table timing) {
        Columns.require(timing, "crossover", CONTRACT);
        Table out = Table.create("Crossovers", StringColumn.create("shape"), IntColumn.create("batch"),
                DoubleColumn.create("crossover"));
        for (Map.Entry<String, List<Integer>> e : shapesAndBatches(timing).entrySet()) {
            for (int batch : e.getValue()) {
                out.stringColumn("shape").append(e.getKey());
                out.intColumn("batch").append(batch);
                OptionalDouble c = of(timing, e.getKey(), batch);
                if (c.isPresent()) {
                    out.doubleColumn("crossover").append(c.getAsDouble());
                } else {
                    out.doubleColumn("crossover").appendMissing();
                }
            }
        }
        return out;
    }

    /** @return shape to its batch sizes, both in order of first appearance */
    static Map<String, List<Integer>> shapesAndBatches(Table timing) {
        String[] shapes = Columns.strings(timing, "shape");
        double[] batches = Columns.doubles(timing, "batch");
        Map<String, java.util.LinkedHashSet<Integer>> seen = new LinkedHashMap<>();
        for (int i = 0; i < shapes.length; i++) {
            seen.computeIfAbsent(shapes[i], s -> new java.util.LinkedHashSet<>()).add((int) batches[i]);
        }
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        seen.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
