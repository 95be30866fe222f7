package org.prune4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.Parallel;
import org.prune4j.dense.VectorApi;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;
import org.prune4j.data.ImageDataset;
import org.prune4j.data.Mnist;
import org.prune4j.nn.Evaluation;
import org.prune4j.nn.Training;
import org.prune4j.prune.HanRecipe;
import org.prune4j.prune.Pruning;
import org.prune4j.sparse.ModelFile;
import org.prune4j.sparse.Storage;
import org.prune4j.sparse.WeightEncoding;

import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Dense versus sparse versus shrunk on layers 784×300, 300×100 and 4096×4096 at batch 1, 32 and 256 and sparsity
 * 30–99 % (magnitude-pruned standard-normal weights), plus the storage of an 8 %-kept LeNet-300-100-shaped
 * network, ending with one line {@code RESULT {json}}: {@code cells} (per shape, batch, sparsity: {@code dense_ms}
 * = best dense, {@code nd4j_ms}, {@code csr_ms} = best sparse kernel with its layout conversion, {@code shrunk_ms},
 * and {@code csr_over_dense}, {@code shrunk_over_dense}: the median of the round-by-round ratios to the best dense
 * kernel, see {@link Timing}) and {@code crossover} (lowest sparsity from which sparse beats best dense, judged on
 * {@code csr_over_dense}; {@code crossover_by_medians} judges on the ratio of the medians instead). A cell's
 * {@code attempts} says how often it was timed: cells measured in a busy stretch of the machine are timed again (see
 * {@link Timing#attempts}).
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp "target/classes:target/lib/*" org.prune4j.bench.SparseBench
 * [--quick] [--shapes 784x300,300x100] [--network] [--mnist E]}. {@code --quick} (CI) uses shorter budgets, three
 * sparsities and skips the plain-Java dense baseline on the biggest products; {@code --network} adds an end-to-end
 * timing of LeNet-300-100, which keeps the sparse layout between layers; {@code --mnist E} trains LeNet-300-100 on
 * MNIST for E epochs, prunes it to the paper's split (7.5/9/26 % kept per layer, 7.7 % overall), retrains E/2 epochs with the masks, writes it in every
 * encoding and reports each file's size and the test accuracy of the network read back from it. Run it with
 * {@code -XX:-TieredCompilation}: under the tiered JIT, compiled Vector API code may be replaced by slow first-tier
 * code for seconds on a busy machine.
 */
public final class SparseBench {
    private SparseBench() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) {
        Arguments a = new Arguments(args);
        boolean quick = a.flag("--quick");
        boolean network = a.flag("--network");
        String shapes = a.text("--shapes", "784x300,300x100,4096x4096");
        long seed = a.integer("--seed", 1);
        int mnistEpochs = a.integer("--mnist", 0);
        a.done();
        // 30 and 40 % too: a crossover target of 40 % at batch 256 needs a measurement there to be shown
        double[] sparsities = quick ? new double[] {0.5, 0.9, 0.99}
                : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
        int[] batches = {1, 32, 256};
        System.out.println("SparseBench: " + VectorApi.describe() + ", " + Parallel.cores() + " cores"
                + (quick ? ", quick" : "") + "; load average " + loadAverage());
        long start = System.nanoTime();
        List<Table> tables = new ArrayList<>();
        for (String shape : shapes.split(",")) {
            String[] io = shape.trim().toLowerCase(java.util.Locale.ROOT).split("x");
            if (io.length != 2 || !io[0].matches("\\d+") || !io[1].matches("\\d+")) {
                throw new IllegalArgumentException("--shapes takes inputs x outputs separated by commas, e.g."
                        + " 784x300,4096x4096; got '" + shape + "'");
            }
            Timing timing = Timing.ofShape(Integer.parseInt(io[0]), Integer.parseInt(io[1])).sparsities(sparsities)
                    .batches(batches).seed(seed).progress(System.out::println);
            if (quick) {
                timing.time(0.15, 0.03).samples(3, 9).plainJavaDenseUpTo(300_000_000L);
            } else {
                timing.time(0.4, 0.25).samples(5, 41);
            }
            tables.add(timing.run());
        }
        Table all = tables.get(0);
        for (int i = 1; i < tables.size(); i++) {
            all = all.append(tables.get(i));
        }
        Table crossover = Timing.crossover(all);
        System.out.println(all.printAll());
        System.out.println(crossover.printAll());

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cells", cells(all));
        result.put("crossover", crossoverJson(crossover, "shape"));
        result.put("crossover_by_medians", crossoverJson(byMedians(all), "shape"));

        if (network) {
            Network lenet = Networks.lenet300100(seed);
            Table n = Timing.of(lenet).sparsities(sparsities).batches(batches).seed(seed)
                    .time(quick ? 0.15 : 0.4, quick ? 0.03 : 0.25).samples(quick ? 3 : 5, quick ? 9 : 41)
                    .progress(System.out::println).run();
            Table nc = Timing.crossover(n);
            System.out.println(n.printAll());
            System.out.println(nc.printAll());
            result.put("network_crossover", crossoverJson(nc, "network"));
            result.put("network_crossover_by_medians", crossoverJson(byMedians(n), "network"));
        }

        Network lenet = lenetEightPercent(seed);
        Table storage = Storage.of(lenet);
        System.out.println(storage.printAll());
        Map<String, Object> bytes = new LinkedHashMap<>();
        for (Row r : storage) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file_bytes", r.getLong("file_bytes"));
            e.put("weight_bytes", r.getLong("weight_bytes"));
            e.put("ratio_vs_dense", r.getDouble("ratio_vs_dense"));
            e.put("max_output_error", r.getDouble("max_output_error"));
            bytes.put(r.getString("encoding"), e);
        }
        result.put("storage_lenet_8pct", bytes);
        if (mnistEpochs > 0) {
            result.put("mnist_storage", mnistStorage(mnistEpochs, seed));
        }
        result.put("vector_api", VectorApi.available());
        result.put("cores", Parallel.cores());
        result.put("quick", quick);
        result.put("seconds", (System.nanoTime() - start) / 1e9);
        System.out.println("RESULT " + Json.write(result));
    }

    private static List<Object> cells(Table all) {
        Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
        for (Row r : all) {
            String key = r.getString("shape") + "|" + r.getInt("batch") + "|" + r.getDouble("sparsity");
            Map<String, Object> c = cells.computeIfAbsent(key, k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("shape", r.getString("shape"));
                m.put("batch", r.getInt("batch"));
                m.put("sparsity", r.getDouble("sparsity"));
                return m;
            });
            String method = r.getString("method");
            double ms = r.getDouble("median_ms");
            c.put(method + "_ms", ms);
            c.put(method + "_p25_ms", r.getDouble("p25_ms"));
            c.put(method + "_p75_ms", r.getDouble("p75_ms"));
            c.put(method + "_vs_dense", r.getDouble(Timing.VS_DENSE));
            if (method.equals("shrunk")) {
                c.put("shrunk_kernel", r.getString("detail"));
            }
            if (method.startsWith("dense_") && r.getString("detail").startsWith("fastest dense")) {
                c.put("reference", method); // the kernel this cell's ratios were taken against
            }
            c.put("attempts", r.getInt(Timing.ATTEMPTS));
        }
        List<Object> list = new ArrayList<>();
        for (Map<String, Object> c : cells.values()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("shape", c.get("shape"));
            out.put("batch", c.get("batch"));
            out.put("sparsity", c.get("sparsity"));
            // the dense kernel the cell was compared with, and the sparse kernel the crossover counts (the lower
            // round-by-round ratio), so that every field of a cell describes the same pair
            String bestDense = c.containsKey("reference") ? (String) c.get("reference") : lowest(c, "dense_", "_ms");
            String bestSparse = lowest(c, "sparse_", "_vs_dense");
            out.put("dense_ms", c.get(bestDense + "_ms"));
            out.put("dense_method", bestDense);
            out.put("nd4j_ms", c.get("dense_nd4j_ms"));
            out.put("dense_java_ms", c.get("dense_java_ms"));
            out.put("dense_vector_ms", c.get("dense_vector_ms"));
            out.put("csr_ms", c.get(bestSparse + "_ms"));
            out.put("csr_method", bestSparse);
            out.put("sparse_java_ms", c.get("sparse_java_ms"));
            out.put("sparse_vector_ms", c.get("sparse_vector_ms"));
            if (c.containsKey(Timing.MIXED + "_ms")) {
                // a network at batch 1 whose denser layers SparseNetwork.of runs dense (not in the crossover)
                out.put("mixed_ms", c.get(Timing.MIXED + "_ms"));
                out.put("mixed_over_dense", c.get(Timing.MIXED + "_vs_dense"));
            }
            out.put("shrunk_ms", c.get("shrunk_ms"));
            out.put("shrunk_kernel", c.get("shrunk_kernel"));
            out.put("csr_over_dense", c.get(bestSparse + "_vs_dense"));
            out.put("shrunk_over_dense", c.get("shrunk_vs_dense"));
            out.put("csr_p25_ms", c.get(bestSparse + "_p25_ms"));
            out.put("csr_p75_ms", c.get(bestSparse + "_p75_ms"));
            out.put("dense_p25_ms", c.get(bestDense + "_p25_ms"));
            out.put("dense_p75_ms", c.get(bestDense + "_p75_ms"));
            out.put("attempts", c.get("attempts"));
            list.add(out);
        }
        return list;
    }

    /**
     * @return the method (key prefix) whose value under {@code suffix} is lowest: {@code "_ms"} for the median time,
     *         {@code "_vs_dense"} for the round-by-round ratio; by median time when no method has that value
     */
    private static String lowest(Map<String, Object> cell, String prefix, String suffix) {
        String best = null;
        for (var e : cell.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(prefix) && k.endsWith(suffix) && !k.contains("_p25") && !k.contains("_p75")) {
                String method = k.substring(0, k.length() - suffix.length());
                if (best == null || (Double) e.getValue() < (Double) cell.get(best + suffix)) {
                    best = method;
                }
            }
        }
        return best != null || suffix.equals("_ms") ? best : lowest(cell, prefix, "_ms");
    }

    /** The crossover judged on the ratio of the medians (the table without its round-by-round ratios). */
    private static Table byMedians(Table timing) {
        return Timing.crossover(timing.copy().removeColumns(Timing.VS_DENSE));
    }

    /** @return the crossover table as JSON objects: {@code <nameKey>}, batch, sparsity (null where never) */
    private static List<Object> crossoverJson(Table crossover, String nameKey) {
        List<Object> list = new ArrayList<>();
        for (Row r : crossover) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put(nameKey, r.getString("shape"));
            c.put("batch", r.getInt("batch"));
            double s = r.getDouble(Crossover.CROSSOVER);
            c.put("sparsity", Double.isNaN(s) ? null : s);
            list.add(c);
        }
        return list;
    }

    /** LeNet-300-100 with the paper's split (kept 7.5 %, 9 %, 26 %: 7.7 % overall), by magnitude. */
    static Network lenetEightPercent(long seed) {
        return Pruning.magnitude(HanRecipe.PAPER_SPLIT).apply(Networks.lenet300100(seed));
    }

    /** Trains, prunes to 8 %, retrains, then writes and reads back every encoding and evaluates each on MNIST. */
    private static List<Object> mnistStorage(int epochs, long seed) {
        ImageDataset mnist = Mnist.load();
        Network net = Networks.lenet300100(seed);
        System.out.println("MNIST storage check: training " + epochs + " epochs");
        net.fit(mnist, HanRecipe.baseline(epochs, seed));
        Pruning.magnitude(HanRecipe.PAPER_SPLIT).apply(net);
        Evaluation oneShot = net.evaluate(mnist.test());
        int retrain = Math.max(1, epochs / 2);
        net.fit(mnist, Training.sgd(0.01).momentum(0.9).l2(1e-4).batch(128).epochs(retrain).seed(seed));
        Evaluation pruned = net.evaluate(mnist.test());
        System.out.printf("pruned to %d / %d weights: one-shot %.2f %%, after %d retraining epochs %.2f %%%n",
                net.nonZeroWeights(), net.weightCount(), 100 * oneShot.accuracy(), retrain, 100 * pruned.accuracy());
        List<Object> rows = new ArrayList<>();
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("prune4j-storage");
            long dense = 0;
            for (WeightEncoding e : WeightEncoding.standard()) {
                java.nio.file.Path file = dir.resolve(net.name() + "." + e.name() + ".p4j");
                long bytes = ModelFile.write(net, file, e);
                if (e.name().equals("dense_fp32")) {
                    dense = bytes;
                }
                Evaluation back = ModelFile.read(file).evaluate(mnist.test());
                java.nio.file.Files.delete(file);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("encoding", e.name());
                r.put("file_bytes", bytes);
                r.put("ratio_vs_dense", (double) dense / bytes);
                r.put("test_accuracy", back.accuracy());
                r.put("accuracy_change", back.accuracy() - pruned.accuracy());
                rows.add(r);
                System.out.printf("%-18s %9d bytes  %6.2fx  test accuracy %.2f %% (%+.2f)%n", e.name(), bytes,
                        (double) dense / bytes, 100 * back.accuracy(), 100 * (back.accuracy() - pruned.accuracy()));
            }
            java.nio.file.Files.delete(dir);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pruned_test_accuracy", pruned.accuracy());
        summary.put("one_shot_test_accuracy", oneShot.accuracy());
        summary.put("non_zero_weights", net.nonZeroWeights());
        rows.add(0, summary);
        return rows;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
