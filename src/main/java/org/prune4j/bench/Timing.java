package org.prune4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.DenseKernel;
import org.prune4j.dense.DenseNetwork;
import org.prune4j.dense.InputCheck;
import org.prune4j.dense.VectorApi;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.prune.MagnitudeOrder;
import org.prune4j.prune.Pruning;
import org.prune4j.sparse.KernelWarmup;
import org.prune4j.sparse.SparseKernel;
import org.prune4j.sparse.SparseLayer;
import org.prune4j.sparse.SparseNetwork;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Dense versus sparse versus shrunk, measured: for a layer (or a bare shape) or a whole network, over sparsities and
 * batch sizes, with warm-up, interleaved repetitions, median and quartiles, as one long Tablesaw table that a chart
 * can plot directly (time against sparsity, one line per method).
 *
 * <pre>{@code
 * Table t = Timing.of(net.layer(0)).sparsities(.5, .7, .9, .95).batches(1, 32, 256).run();
 * Timing.crossover(t)                                   // shape, batch, crossover_sparsity
 * Table n = Timing.of(pruned).shrunk(shrunkNet).run();  // end to end, the network keeps the sparse layout
 * }</pre>
 *
 * <p>Methods: {@code dense_nd4j}, {@code dense_java}, {@code dense_vector} (the dense baselines; "best dense" is
 * the fastest in each cell), {@code sparse_java}, {@code sparse_vector} (not at batch 1 where the VECTOR kernel's
 * SpMV is the plain-Java one; layout conversion included: for a layer
 * at both ends of every call, for a network only at its input and output), and {@code shrunk} (unit pruning: for a
 * layer, the dense layer with {@code round(out · (1 − s))} outputs; for a network, the shrunk network given, each
 * timed with the fastest dense kernel), and for a network at batch 1 {@value #MIXED} where some layer is dense
 * enough that {@link SparseNetwork#of(Network)} runs it as a dense product (the sparse rows run every layer sparse:
 * {@link SparseNetwork#allSparse}). The dense kernels are measured side by side twice per shape and batch and
 * the look whose fastest kernel was faster is kept; the fastest of them (by lower quartile, which a disturbed stretch
 * of the machine moves less than the median) is measured again side by side with every sparsity, and that
 * measurement is the one in its row there.
 * Vector API methods are left out when the module is absent.
 *
 * <p>Column {@value #VS_DENSE}: each method's time over the fastest dense method's, taken round by round (the two
 * samples of a round are milliseconds apart) and the median of those ratios. The crossover is decided on it: a
 * shared machine's slower and faster stretches, seconds long, move the medians of two methods apart (the same
 * dense LeNet pass at batch 256 measured 0.59 ms in one cell and 1.05 ms in another of the same run) but not a
 * ratio taken within one round.
 *
 * <p>Busy stretches: rounds cannot cancel a stretch in which the machine's vector units run at half speed, since it
 * slows the dense kernels (bound by FMAs) more than the sparse ones (bound by loads). A cell whose dense time is over
 * {@value BusyCells#FACTOR} × the quietest one's (of its sweep's cells, or of the dense kernels' own measurement,
 * which lets a network timed as it is, one cell, notice a busy stretch too) is timed again, up to {@link #attempts}
 * times in all, and the attempt with the quietest dense time is kept; column {@value #ATTEMPTS} counts the attempts
 * and the dense row's detail says how busy they were.
 */
public final class Timing {
    /** The long table's column names, which charts rely on. */
    public static final String SHAPE = "shape", BATCH = "batch", SPARSITY = "sparsity", METHOD = "method",
            MEDIAN = "median_ms", P25 = "p25_ms", P75 = "p75_ms", SAMPLES = "samples", ATTEMPTS = "attempts",
            DETAIL = "detail";
    /** Median of the round-by-round ratios of a method's time to the fastest dense method's (1 for that one). */
    public static final String VS_DENSE = "vs_best_dense";
    /**
     * The method of a network timing at batch 1 that runs what {@link SparseNetwork#of(Network)} runs: its layers
     * dense enough as dense products, the others sparse ({@link MethodKind#MIXED}, counted on neither side of the
     * crossover). Present where some layer runs dense.
     */
    public static final String MIXED = "mixed";

    private final String shape;
    private final float[] weights;
    private final int in;
    private final int out;
    private final Network network;
    /** The sparsity of the weights given (0 for a bare shape): the lowest that can be timed (no un-pruning). */
    private final double ownSparsity;
    private double[] sparsities;
    private int[] batches = {1, 32, 256};
    private Network shrunk;
    private double warmupSeconds = 0.08;
    private double budgetSeconds = 0.04;
    private int minSamples = 5;
    private int maxSamples = 21;
    private long seed = 1;
    private long plainJavaLimit = Long.MAX_VALUE;
    /** A network timed as it is (no sparsities given): its own sparsity is the only one. */
    private boolean asIs;
    private Consumer<String> progress = s -> { };
    private int attempts = 3;

    private Timing(String shape, float[] weights, int in, int out, Network network, double ownSparsity) {
        this.shape = shape;
        this.weights = weights;
        this.in = in;
        this.out = out;
        this.network = network;
        this.ownSparsity = ownSparsity;
    }

    /**
     * Times a layer's weight product. Without {@link #sparsities}, a pruned layer is timed as it is and a dense one
     * at 50, 70, 90 and 95 % (magnitude pruning of its weights).
     *
     * @param layer the layer
     * @return the timing, to configure and {@link #run()}
     */
    public static Timing of(DenseLayer layer) {
        double s = 1 - (double) layer.nonZeroWeights() / layer.weightCount();
        Timing t = new Timing(layer.inputs() + "x" + layer.outputs(), layer.weightArray(), layer.inputs(),
                layer.outputs(), null, s);
        t.sparsities = s > 0 ? new double[] {s} : new double[] {0.5, 0.7, 0.9, 0.95};
        t.asIs = s > 0; // a pruned layer is timed as it is, until sparsities(...) asks for others
        return t;
    }

    /**
     * Times a product with standard-normal weights of the given shape, magnitude-pruned to each sparsity.
     *
     * @param in  inputs
     * @param out outputs
     * @return the timing
     */
    public static Timing ofShape(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("a shape needs positive sizes, got " + in + " x " + out);
        }
        if ((long) in * out > InputCheck.MAX_VALUES) {
            throw new IllegalArgumentException("a weight matrix of " + in + " x " + out + " = " + (long) in * out
                    + " values does not fit in one Java array; time a smaller shape");
        }
        Timing t = new Timing(in + "x" + out, null, in, out, null, 0);
        t.sparsities = new double[] {0.5, 0.7, 0.9, 0.95};
        return t;
    }

    /**
     * Times a whole network end to end (bias and activations included). Without {@link #sparsities} it is timed as
     * it is; with them, copies with every layer magnitude-pruned to each level are timed.
     *
     * @param network the (pruned) network
     * @return the timing
     */
    public static Timing of(Network network) {
        StringBuilder name = new StringBuilder().append(network.inputs());
        for (DenseLayer l : network.layers()) {
            name.append('-').append(l.outputs());
        }
        double s = 1 - (double) network.nonZeroWeights() / network.weightCount();
        // every layer is pruned to a level, and none can be un-pruned: the sparsest layer bounds the levels
        double sparsest = 0;
        for (DenseLayer l : network.layers()) {
            sparsest = Math.max(sparsest, 1 - (double) l.nonZeroWeights() / ((long) l.inputs() * l.outputs()));
        }
        Timing t = new Timing(name.toString(), null, network.inputs(), network.outputs(), network, sparsest);
        t.sparsities = new double[] {s};
        t.asIs = true;
        return t;
    }

    /**
     * Times copies magnitude-pruned to these levels instead of the weights as they are.
     *
     * @param levels sparsities in [0, 1), none below the layer's own sparsity or, for a network, its sparsest
     *               layer's (each layer is pruned to the level and pruning never un-prunes, so a lower level could
     *               only be timed at a higher one and would be labelled wrongly)
     * @return this
     */
    public Timing sparsities(double... levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("give at least one sparsity");
        }
        for (double s : levels) {
            if (!(s >= 0 && s < 1)) {
                throw new IllegalArgumentException("a sparsity is in [0, 1), got " + s);
            }
            if (s < ownSparsity - 1e-9) {
                throw new IllegalArgumentException(String.format("%s is already %.4f sparse%s and pruning never"
                        + " un-prunes, so it cannot be timed at %s; time the unpruned weights, or ask for sparsities"
                        + " from %.4f up", shape, ownSparsity, network != null ? " in its sparsest layer" : "", s,
                        ownSparsity));
            }
        }
        this.sparsities = levels.clone();
        Arrays.sort(this.sparsities);
        this.asIs = false;
        return this;
    }

    /**
     * @param sizes batch sizes, each at least 1
     * @return this
     */
    public Timing batches(int... sizes) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("give at least one batch size");
        }
        for (int b : sizes) {
            if (b < 1) {
                throw new IllegalArgumentException("a batch size is at least 1, got " + b);
            }
            if ((long) b * Math.max(in, out) > InputCheck.MAX_VALUES) {
                throw new IllegalArgumentException("batch " + b + " of " + Math.max(in, out) + " values per row does"
                        + " not fit in one Java array; time a smaller batch");
            }
        }
        this.batches = sizes.clone();
        return this;
    }

    /**
     * For a network timing: the same network after unit pruning and shrinking, timed as method {@code shrunk}.
     *
     * @param shrunkNetwork the shrunk network (same inputs and outputs)
     * @return this
     */
    public Timing shrunk(Network shrunkNetwork) {
        if (network == null) {
            throw new IllegalStateException("a layer timing derives its shrunk layer itself; shrunk(...) is for networks");
        }
        if (shrunkNetwork.inputs() != network.inputs() || shrunkNetwork.outputs() != network.outputs()) {
            throw new IllegalArgumentException("the shrunk network must keep " + network.inputs() + " inputs and "
                    + network.outputs() + " outputs");
        }
        this.shrunk = shrunkNetwork;
        return this;
    }

    /**
     * @param warmup seconds of warm-up per method and cell (at least 5 calls)
     * @param budget seconds of timed samples per method and cell
     * @return this
     */
    public Timing time(double warmup, double budget) {
        if (!(warmup >= 0 && budget > 0)) {
            throw new IllegalArgumentException("warm-up must be >= 0 and budget > 0 seconds");
        }
        this.warmupSeconds = warmup;
        this.budgetSeconds = budget;
        return this;
    }

    /**
     * @param min fewest samples per method and cell (at least 3)
     * @param max most samples
     * @return this
     */
    public Timing samples(int min, int max) {
        if (min < 3 || max < min) {
            throw new IllegalArgumentException("need 3 <= min <= max samples, got " + min + ", " + max);
        }
        this.minSamples = min;
        this.maxSamples = max;
        return this;
    }

    /**
     * Times a cell up to this many times in all while it looks measured in a busy stretch of the machine (its dense
     * baseline over {@value BusyCells#FACTOR} × the quietest one's), keeping the quietest attempt; 1 never times a
     * cell again. Default 3.
     *
     * @param maxAttempts at least 1
     * @return this
     */
    public Timing attempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a cell is timed at least once, got " + maxAttempts + " attempts");
        }
        this.attempts = maxAttempts;
        return this;
    }

    /**
     * Leaves the plain-Java dense baseline out of cells whose product exceeds this many multiply-adds (it takes
     * seconds per call on 4096 x 4096 at batch 256; the quick benchmark skips it there).
     *
     * @param multiplyAdds limit of {@code in · out · batch}
     * @return this
     */
    public Timing plainJavaDenseUpTo(long multiplyAdds) {
        this.plainJavaLimit = multiplyAdds;
        return this;
    }

    /**
     * @param randomSeed seed of the random weights ({@link #ofShape}) and inputs
     * @return this
     */
    public Timing seed(long randomSeed) {
        this.seed = randomSeed;
        return this;
    }

    /**
     * @param sink receives one line per shape and batch as they finish, e.g. {@code System.out::println}
     * @return this
     */
    public Timing progress(Consumer<String> sink) {
        this.progress = Objects.requireNonNull(sink);
        return this;
    }

    /**
     * @return the long table: shape, batch, sparsity, method, median_ms, p25_ms, p75_ms, vs_best_dense, samples,
     *         attempts (how many times the row's cell was timed: more than 1 when it was measured in a busy stretch
     *         and timed again, see {@link #attempts(int)}), detail (the fastest dense row: how its cell was timed;
     *         sparse rows: the non-zero weights multiplied with; the shrunk row: its kernel and shape)
     */
    public Table run() {
        Table t = Table.create("timing " + shape, StringColumn.create(SHAPE), IntColumn.create(BATCH),
                DoubleColumn.create(SPARSITY), StringColumn.create(METHOD), DoubleColumn.create(MEDIAN),
                DoubleColumn.create(P25), DoubleColumn.create(P75), DoubleColumn.create(VS_DENSE),
                IntColumn.create(SAMPLES), IntColumn.create(ATTEMPTS), StringColumn.create(DETAIL));
        KernelWarmup.once();
        Sampler sampler = new Sampler(warmupSeconds, budgetSeconds, minSamples, maxSamples);
        if (network == null) {
            runLayer(t, sampler);
        } else {
            runNetwork(t, sampler);
        }
        return t;
    }

    private void runLayer(Table t, Sampler sampler) {
        float[] w = weights != null ? weights : gaussian(in * out, seed);
        MagnitudeOrder magnitude = new MagnitudeOrder(w);
        for (int batch : batches) {
            long start = System.nanoTime();
            float[] x = gaussian(batch * in, seed + batch);
            Map<String, DenseKernel> dense = new LinkedHashMap<>();
            for (DenseKernel k : DenseKernel.all(w, in, out)) {
                if (!k.name().equals("java") || (long) in * out * batch <= plainJavaLimit) {
                    dense.put("dense_" + k.name(), k);
                }
            }
            Map<String, Runnable> calls = new LinkedHashMap<>();
            dense.forEach((name, k) -> calls.put(name, k.bind(x, batch)));
            SideBySide denseTimes = measureDense(sampler, calls, batch);
            String best = fastest(denseTimes.measurements());
            List<Cell> cells = new ArrayList<>();
            for (double s : sparsities) {
                int kept = Math.max(1, (int) Math.round(out * (1 - s)));
                cells.add(new Cell(s, () -> {
                    float[] pruned = asIs ? w : magnitude.prune(s);
                    Map<String, Runnable> cell = new LinkedHashMap<>();
                    cell.put(best, dense.get(best).bind(x, batch));
                    long nonZeros = 0;
                    for (SparseKernel k : sparseKernels(batch)) {
                        SparseLayer sparse = SparseLayer.ofWeights(pruned, in, out, k);
                        nonZeros = sparse.csr().nonZeros();
                        cell.put("sparse_" + k.label(), sparse.bind(x, batch));
                    }
                    float[] sw = firstColumns(w, in, out, kept);
                    for (DenseKernel k : shrunkKernels(sw, in, kept, (long) in * kept * batch, plainJavaLimit)) {
                        cell.put("shrunk_" + k.name(), k.bind(x, batch));
                    }
                    return new CellCalls(cell, nonZeros, null);
                }, " " + in + "x" + kept));
            }
            reportBatch(batch, start, timeCells(t, sampler, batch, denseTimes, best, cells));
        }
    }

    private void runNetwork(Table t, Sampler sampler) {
        for (int batch : batches) {
            long start = System.nanoTime();
            float[] x = gaussian(batch * in, seed + batch);
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.abs(x[i]) * 0.3f; // activations of image-like inputs: non-negative
            }
            Map<String, Runnable> calls = denseNetworkCalls(network, x, batch);
            if ((long) batch * network.weightCount() > plainJavaLimit) {
                calls.remove("dense_java");
            }
            SideBySide denseTimes = measureDense(sampler, calls, batch);
            String best = fastest(denseTimes.measurements());
            List<Cell> cells = new ArrayList<>();
            for (double s : sparsities) {
                cells.add(new Cell(s, () -> {
                    Network pruned = asIs ? network : pruneCopy(network, s);
                    Map<String, Runnable> cell = new LinkedHashMap<>();
                    cell.put(best, denseNetworkCalls(pruned, x, batch).get(best));
                    long nonZeros = 0;
                    for (SparseKernel k : sparseKernels(batch)) {
                        SparseNetwork sparse = SparseNetwork.allSparse(pruned, k);
                        nonZeros = sparse.nonZeros();
                        cell.put("sparse_" + k.label(), sparse.bind(x, batch));
                    }
                    String mixedDetail = null;
                    if (batch == 1) {
                        // what SparseNetwork.of runs: its denser layers as dense products
                        SparseNetwork mixed = SparseNetwork.of(pruned);
                        List<String> dense = mixed.denseAtBatchOne();
                        if (!dense.isEmpty()) {
                            cell.put(MIXED, mixed.bind(x, batch));
                            mixedDetail = (dense.size() == mixed.layers().size() ? "every layer dense (vector)"
                                    : String.join(", ", dense) + " dense (vector), the others "
                                    + mixed.kernel().spmv()) + "; SparseNetwork.of's choice";
                        }
                    }
                    if (shrunk != null) {
                        denseNetworkCalls(shrunk, x, batch).forEach((name, call) -> {
                            if (!name.equals("dense_java")
                                    || (long) batch * shrunk.weightCount() < Math.min(plainJavaLimit, 50_000_000L)) {
                                cell.put("shrunk_" + name.substring(6), call);
                            }
                        });
                    }
                    return new CellCalls(cell, nonZeros, mixedDetail);
                }, shrunk == null ? null : " " + shrunk.weightCount() + " weights"));
            }
            reportBatch(batch, start, timeCells(t, sampler, batch, denseTimes, best, cells));
        }
    }

    /** One sparsity of a sweep: its calls, made afresh for each attempt, and how its shrunk row is described. */
    private record Cell(double sparsity, Supplier<CellCalls> calls, String shrunkDetail) {
    }

    /**
     * A cell's calls, the non-zero weights its sparse calls multiply with (reported in their rows' detail), and which
     * layers the {@value #MIXED} call runs dense (null: no such call).
     */
    private record CellCalls(Map<String, Runnable> calls, long nonZeros, String mixedDetail) {
    }

    /**
     * Times each cell side by side with the fastest dense kernel, then times again, up to {@link #attempts} times in
     * all, the cells that {@link BusyCells} finds were measured in a busy stretch of the machine, and keeps each
     * cell's attempt with the quietest dense time (chosen by the dense time alone, never by how sparse fared). Every
     * busy cell gets all its attempts: a stretch can outlast one re-timing (the pruned LeNet at batch 32 had its
     * dense pass 1.65-1.77x the quietest cell's in two attempts at 70 and 80 %, made one after the other, which made
     * sparse "win" from 70 %, when a rule stopped a cell whose second attempt was not a tenth quieter).
     *
     * @return how many cells were timed more than once
     */
    private int timeCells(Table t, Sampler sampler, int batch, SideBySide denseTimes, String best, List<Cell> cells) {
        String key = "batch " + batch;
        int n = cells.size();
        SideBySide[] times = new SideBySide[n];
        int[] tries = new int[n];
        double[] firstDense = new double[n];
        long[] nonZeros = new long[n];
        String[] mixedDetail = new String[n];
        for (int i = 0; i < n; i++) {
            CellCalls calls = cells.get(i).calls().get();
            nonZeros[i] = calls.nonZeros();
            mixedDetail[i] = calls.mixedDetail();
            times[i] = sampler.measure(calls.calls(), key);
            tries[i] = 1;
            firstDense[i] = times[i].get(best).medianMs();
        }
        double alone = denseTimes.get(best).medianMs();
        int[] more = retimeBusy(denseMedians(times, best), alone, attempts, i -> {
            SideBySide again = sampler.measure(cells.get(i).calls().get().calls(), key);
            if (again.get(best).medianMs() < times[i].get(best).medianMs()) {
                times[i] = again;
            }
            return times[i].get(best).medianMs();
        });
        for (int i = 0; i < n; i++) {
            tries[i] += more[i];
        }
        double[] kept = denseMedians(times, best);
        double quietest = BusyCells.quietest(kept, alone);
        int timedAgain = 0;
        for (int i = 0; i < n; i++) {
            Cell c = cells.get(i);
            String note = "";
            if (tries[i] > 1) {
                timedAgain++;
                note = String.format("; %d attempts (dense %.2fx the quietest in the first, %.2fx in the one kept)",
                        tries[i], firstDense[i] / quietest, kept[i] / quietest);
            }
            addDenseAndSparse(t, batch, c.sparsity(), denseTimes, best, times[i], tries[i], note, nonZeros[i]);
            if (mixedDetail[i] != null) {
                add(t, batch, c.sparsity(), MIXED, times[i].get(MIXED), times[i].ratio(MIXED, best), tries[i],
                        mixedDetail[i]);
            }
            if (c.shrunkDetail() != null) {
                String shrunkBest = fastest(times[i].measurements(), "shrunk_");
                add(t, batch, c.sparsity(), "shrunk", times[i].get(shrunkBest), times[i].ratio(shrunkBest, best),
                        tries[i], shrunkBest.substring(7) + c.shrunkDetail());
            }
        }
        return timedAgain;
    }

    /**
     * Times busy cells again until none is busy or every busy one has had {@code attempts} attempts in all. Busy is
     * judged against the quietest dense time so far, so a cell that was not busy before can be after another cell's
     * quieter attempt, and then gets its attempts too (counting rounds instead left such cells at 2 attempts, still
     * 1.9-2.2x the quietest, which flatters sparse).
     *
     * @param dense    each cell's kept dense median, updated with what {@code again} returns
     * @param alone    the dense kernel's median timed alone before the cells
     * @param attempts attempts in all per cell, the first already made
     * @param again    times cell i again and returns its kept dense median (the quieter of the two)
     * @return the attempts each cell got beyond its first
     */
    static int[] retimeBusy(double[] dense, double alone, int attempts, java.util.function.IntToDoubleFunction again) {
        int[] more = new int[dense.length];
        while (true) {
            List<Integer> busy = BusyCells.of(dense, alone).stream().filter(i -> 1 + more[i] < attempts).toList();
            if (busy.isEmpty()) {
                return more;
            }
            for (int i : busy) {
                dense[i] = again.applyAsDouble(i);
                more[i]++;
            }
        }
    }

    /** @return the fastest dense kernel's median in each cell */
    private static double[] denseMedians(SideBySide[] times, String best) {
        double[] medians = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            medians[i] = times[i].get(best).medianMs();
        }
        return medians;
    }

    /** The dense baselines of one shape and batch, measured side by side twice ({@link #quieter}). */
    private static SideBySide measureDense(Sampler sampler, Map<String, Runnable> calls, int batch) {
        return quieter(sampler.measure(calls, "batch " + batch), sampler.measure(calls, "batch " + batch));
    }

    /** One progress line per shape and batch, saying how many cells were timed again. */
    private void reportBatch(int batch, long start, int timedAgain) {
        progress.accept(String.format("%s batch %d: %d sparsities in %.1f s%s", shape, batch, sparsities.length,
                (System.nanoTime() - start) / 1e9,
                timedAgain == 0 ? "" : " (" + timedAgain + " timed again: busy machine)"));
    }

    /**
     * The dense baselines' measurement that decides which is the fastest: the one of two whose fastest kernel had
     * the lower lower quartile. One look can miss: in a notebook, the pruned LeNet's Vector API dense pass at batch 1
     * once measured 0.078 ms (0.012-0.016 in every other run), so the plain-Java loop (0.034) became "the fastest
     * dense" and sparse was compared with it. Not reproduced in three JVMs since; a second look costs one more
     * measurement per shape and batch.
     */
    private static SideBySide quieter(SideBySide first, SideBySide second) {
        double a = first.get(fastest(first.measurements())).p25Ms();
        double b = second.get(fastest(second.measurements())).p25Ms();
        return b < a ? second : first;
    }

    private static Map<String, Runnable> denseNetworkCalls(Network net, float[] x, int batch) {
        Map<String, Runnable> calls = new LinkedHashMap<>();
        INDArray xa = Nd4j.create(x.clone(), new long[] {batch, net.inputs()}, DataType.FLOAT);
        calls.put("dense_nd4j", () -> net.output(xa));
        calls.put("dense_java", new DenseNetwork(net, DenseKernel::plainJava).bind(x, batch));
        if (VectorApi.available()) {
            calls.put("dense_vector", new DenseNetwork(net, DenseKernel::vector).bind(x, batch));
        }
        return calls;
    }

    private static Network pruneCopy(Network network, double s) {
        return Pruning.magnitude(s).apply(network.copy());
    }

    /** @return standard-normal weights from a seed (the same on every machine) */
    static float[] gaussian(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        return a;
    }

    /**
     * The sparse kernels to time at a batch size: at batch 1 the VECTOR kernel runs the plain-Java SpMV on CPUs with
     * slow gathers, and timing the same code twice and keeping the faster would flatter it, so it is timed once.
     */
    private static List<SparseKernel> sparseKernels(int batch) {
        if (!VectorApi.available() || batch == 1 && sameSpmv()) {
            return List.of(SparseKernel.JAVA);
        }
        return List.of(SparseKernel.JAVA, SparseKernel.VECTOR);
    }

    private static boolean sameSpmv() {
        return VectorApi.available() && !SparseKernel.VECTOR.gathers();
    }

    private static List<DenseKernel> shrunkKernels(float[] w, int in, int out, long work, long javaLimit) {
        List<DenseKernel> ks = new ArrayList<>();
        ks.add(DenseKernel.nd4j(w, in, out));
        // the plain-Java loop is never the fastest on big products (measured); it only costs time there
        if (work < Math.min(javaLimit, 50_000_000L) || !VectorApi.available()) {
            ks.add(DenseKernel.plainJava(w, in, out));
        }
        if (VectorApi.available()) {
            ks.add(DenseKernel.vector(w, in, out));
        }
        return ks;
    }

    private static float[] firstColumns(float[] w, int in, int out, int kept) {
        float[] s = new float[in * kept];
        for (int k = 0; k < in; k++) {
            System.arraycopy(w, k * out, s, k * kept, kept);
        }
        return s;
    }

    private static String fastest(Map<String, Measurement> times) {
        return fastest(times, "");
    }

    /**
     * @return the name with the lowest lower quartile among those starting with the prefix: a median can be inflated
     *         by a disturbed stretch of a busy machine (a network's dense kernel once measured 0.067 ms with its lower
     *         quartile at 0.022), and picking a slower dense baseline would flatter sparse
     */
    private static String fastest(Map<String, Measurement> times, String prefix) {
        String best = null;
        for (var e : times.entrySet()) {
            if (e.getKey().startsWith(prefix)
                    && (best == null || e.getValue().p25Ms() < times.get(best).p25Ms())) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * One cell's rows: every dense kernel as measured once per shape and batch (its ratio to the fastest from that
     * measurement), except the fastest, whose row is its measurement side by side with this sparsity; then every
     * sparse kernel, with its ratio to the fastest dense one in this cell and, as its detail, the non-zero weights it
     * multiplied with (and at batch 1 its SpMV: on CPUs with slow gathers the VECTOR kernel's is the scalar one,
     * timed once as sparse_java).
     */
    private void addDenseAndSparse(Table t, int batch, double s, SideBySide denseTimes, String best,
                                   SideBySide times, int tries, String note, long nonZeros) {
        for (String name : denseTimes.measurements().keySet()) {
            if (name.equals(best)) {
                add(t, batch, s, name, times.get(best), 1.0, tries, "fastest dense, timed with this sparsity" + note);
            } else {
                add(t, batch, s, name, denseTimes.get(name), denseTimes.ratio(name, best), tries, "");
            }
        }
        for (SparseKernel k : sparseKernels(batch)) {
            String name = "sparse_" + k.label();
            add(t, batch, s, name, times.get(name), times.ratio(name, best), tries,
                    String.format(Locale.ROOT, "%,d non-zeros", nonZeros) + (batch == 1 ? ", " + k.spmv()
                            + (sameSpmv() ? " (the VECTOR kernel's SpMV too on this CPU)" : "") : ""));
        }
    }

    private void add(Table t, int batch, double sparsity, String method, Measurement m, double vsDense,
            int tries, String detail) {
        t.stringColumn(SHAPE).append(shape);
        t.intColumn(BATCH).append(batch);
        t.doubleColumn(SPARSITY).append(sparsity);
        t.stringColumn(METHOD).append(method);
        t.doubleColumn(MEDIAN).append(m.medianMs());
        t.doubleColumn(P25).append(m.p25Ms());
        t.doubleColumn(P75).append(m.p75Ms());
        t.doubleColumn(VS_DENSE).append(vsDense);
        t.intColumn(SAMPLES).append(m.samples());
        t.intColumn(ATTEMPTS).append(tries);
        t.stringColumn(DETAIL).append(detail);
    }

    /**
     * The crossover of a timing table: per shape and batch, the lowest measured sparsity from which the fastest
     * sparse method beats the fastest dense method at that sparsity and every higher one measured (missing if
     * it never does), judged on {@value #VS_DENSE}.
     *
     * @param timing a table from {@link #run()}
     * @return shape, batch, crossover_sparsity
     */
    public static Table crossover(Table timing) {
        return Crossover.of(timing);
    }
}
