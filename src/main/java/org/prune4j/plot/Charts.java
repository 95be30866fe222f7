package org.prune4j.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.History;
import org.prune4j.nn.Network;
import org.prune4j.prune.PruningRun;

import tech.tablesaw.api.Table;

/**
 * Every chart of prune4j, one call each, from the objects a notebook already holds. Each returns a {@link Plot}: the
 * last expression of a cell (or {@code display(...)}) shows it inline, {@code .save("x.png")} writes it.
 *
 * <pre>{@code
 * Charts.training(history)
 * Charts.weights(net)
 * Charts.weights(before, after).logCounts()
 * Charts.weights(run)                       // a PruningRun: before, pruned, retrained
 * Charts.kept(pruned).and("Han et al.", Map.of("fc1", .08, "fc2", .09, "fc3", .26))
 * Charts.accuracyVsSparsity(sweep)
 * Charts.sensitivity(table)
 * Charts.timing(timings, 32)
 * Charts.inputMask(net.layer(0))
 * Charts.heatMap(net.layer(1))
 * }</pre>
 *
 * <p>Tables follow the column contracts named on each method; a table that lacks a column is refused with the
 * contract and the columns it has.
 */
public final class Charts {
    private Charts() {
    }

    // ---- weight distributions ---------------------------------------------------------------------------------

    /**
     * Weight histogram of every layer of a network, one panel per layer.
     *
     * @param net the network
     * @return the chart; data columns {@code layer, state, bin, low, high, count}
     */
    public static WeightHistogram weights(Network net) {
        return WeightHistogram.of(net.name(), List.of(WeightHistogram.State.of(net)));
    }

    /**
     * Weight histogram of one layer.
     *
     * @param layer the layer
     * @return the chart
     */
    public static WeightHistogram weights(DenseLayer layer) {
        return WeightHistogram.of(layer.name(), List.of(WeightHistogram.State.of(layer)));
    }

    /**
     * Several states of the same network overlaid per layer, e.g. before and after pruning, or before pruning,
     * after pruning and after retraining (labelled so by default; see {@link WeightHistogram#labels}).
     *
     * @param first  the first state
     * @param others the later states
     * @return the chart
     */
    public static WeightHistogram weights(Network first, Network... others) {
        List<WeightHistogram.State> states = new ArrayList<>();
        states.add(WeightHistogram.State.of(first));
        for (Network n : others) {
            states.add(WeightHistogram.State.of(n));
        }
        return WeightHistogram.of(first.name(), states);
    }

    /**
     * The three states of a pruning schedule overlaid per layer: before pruning, right after the last pruning step,
     * and after retraining — the gap around zero and the bimodal shape of Han et al.'s Fig. 7.
     *
     * @param run a pruning run ({@code Schedule....run(net, data)})
     * @return the chart
     */
    public static WeightHistogram weights(PruningRun run) {
        return weights(run.before(), run.pruned(), run.network());
    }

    /**
     * One layer in several states overlaid.
     *
     * @param first  the layer in its first state
     * @param others the same layer later
     * @return the chart
     */
    public static WeightHistogram weights(DenseLayer first, DenseLayer... others) {
        List<WeightHistogram.State> states = new ArrayList<>();
        states.add(WeightHistogram.State.of(first));
        for (DenseLayer l : others) {
            states.add(WeightHistogram.State.of(l));
        }
        return WeightHistogram.of(first.name(), states);
    }

    // ---- accuracy and sensitivity -----------------------------------------------------------------------------

    /**
     * Accuracy against sparsity, one curve per series (weight vs unit pruning, with and without retraining or L2),
     * as in Han et al.'s Fig. 5.
     *
     * @param sweep columns {@code series} (text), {@code sparsity} and {@code accuracy} (fractions in [0, 1])
     * @return the chart; data columns {@code series, sparsity, accuracy}
     */
    public static Plot accuracyVsSparsity(Table sweep) {
        return SparsityCurves.sweep(sweep);
    }

    /**
     * Per-layer sensitivity: accuracy when only one layer is pruned, one curve per layer (Han et al.'s Fig. 6).
     *
     * @param sensitivity columns {@code layer}, {@code sparsity}, {@code accuracy} (fractions)
     * @return the chart; data columns {@code layer, sparsity, accuracy}
     */
    public static Plot sensitivity(Table sensitivity) {
        return SparsityCurves.sensitivity(sensitivity);
    }

    // ---- per-layer sparsity -----------------------------------------------------------------------------------

    /**
     * Percentage of weights kept per layer and in total, from a network's non-zero weights; add other sources
     * (another network, a report, the paper's numbers) with {@link KeptBars#and}.
     *
     * @param net the (pruned) network
     * @return the chart; data columns {@code series, layer, kept}
     */
    public static KeptBars kept(Network net) {
        return KeptBars.of(net.name(), KeptBars.keptOf(net));
    }

    /**
     * Percentage of weights kept per layer from a per-layer report ({@code Report.of(net)},
     * {@code Report.hanLenet300100()}, {@code Report.besidePaper(net, data)}).
     *
     * @param report columns {@code layer} and {@code kept} (fraction), or {@code layer, weights, non_zero}; a
     *               {@code total} row is computed from the counts when missing; a {@code paper_kept} column
     *               becomes a second series, "Han et al. 2015", and the report's own series is then "ours" (not
     *               the report's caption)
     * @return the chart
     */
    public static KeptBars kept(Table report) {
        boolean besidePaper = report.containsColumn("paper_kept");
        KeptBars bars = KeptBars.of(besidePaper ? "ours" : report.name(), KeptBars.keptOf(report));
        if (besidePaper) {
            Table paper = report.selectColumns("layer", "paper_kept");
            paper.column("paper_kept").setName("kept");
            paper = paper.dropWhere(paper.doubleColumn("kept").isMissing());
            bars = bars.and("Han et al. 2015", paper);
        }
        return bars;
    }

    /**
     * Percentage of weights kept per layer by a pruning run's final network.
     *
     * @param run a pruning run
     * @return the chart
     */
    public static KeptBars kept(PruningRun run) {
        return kept(run.network());
    }

    /**
     * Percentage of weights kept per layer, given by hand.
     *
     * @param label legend label, e.g. "Han et al. 2015"
     * @param kept  layer to kept fraction in [0, 1]
     * @return the chart
     */
    public static KeptBars kept(String label, Map<String, Double> kept) {
        return KeptBars.of(label, kept);
    }

    // ---- timing -----------------------------------------------------------------------------------------------

    /**
     * Time against sparsity per method for one batch size, one panel per shape, crossover marked.
     *
     * @param timing columns {@code shape, batch, sparsity, method, median_ms} (and optionally
     *               {@code p25_ms, p75_ms}); see {@link org.prune4j.bench.MethodKind} and {@link org.prune4j.bench.Crossover}
     * @param batch  the batch size to show
     * @return the chart
     */
    public static TimingChart timing(Table timing, int batch) {
        return TimingChart.of(timing, batch);
    }

    /**
     * Time against sparsity per method, one panel per shape and batch size.
     *
     * @param timing the timing table
     * @return the chart
     */
    public static TimingChart timing(Table timing) {
        return TimingChart.of(timing, null);
    }

    // ---- masks and matrices -----------------------------------------------------------------------------------

    /**
     * Which inputs still feed a layer: for each input pixel, how many of its connections are kept (the mask's row
     * sums, or the non-zero weights without a mask), as a square image — 28 × 28 for MNIST's first layer (Han et
     * al.'s Fig. 4).
     *
     * @param layer a layer whose input count is a square (784 for MNIST)
     * @return the chart; data columns {@code row, column, kept}
     */
    public static Plot inputMask(DenseLayer layer) {
        return HeatMaps.inputMask(layer);
    }

    /**
     * A layer's weight matrix as a heat map: rows are inputs, columns neurons; blue negative, white zero (pruned),
     * vermillion positive.
     *
     * @param layer the layer
     * @return the chart; data columns {@code row, column, value}
     */
    public static Plot heatMap(DenseLayer layer) {
        return HeatMaps.weights(layer);
    }

    /**
     * Any matrix as a heat map, colours symmetric about zero.
     *
     * @param matrix rows of equal length
     * @param title  the title
     * @return the chart; data columns {@code row, column, value}
     */
    public static Plot heatMap(double[][] matrix, String title) {
        Objects.requireNonNull(title, "title: give the heat map a title");
        if (matrix.length == 0 || matrix[0] == null || matrix[0].length == 0) {
            throw new IllegalArgumentException("the matrix is empty");
        }
        int columns = matrix[0].length;
        double[] flat = new double[matrix.length * columns];
        for (int r = 0; r < matrix.length; r++) {
            if (matrix[r] == null || matrix[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + (matrix[r] == null ? "no" : matrix[r].length)
                        + " values, row 0 has "
                        + columns);
            }
            System.arraycopy(matrix[r], 0, flat, r * columns, columns);
        }
        return HeatMaps.matrix(flat, matrix.length, columns, title, "Column", "Row");
    }

    // ---- training ---------------------------------------------------------------------------------------------

    /**
     * Loss and accuracy per epoch (train and test).
     *
     * @param history a training history
     * @return the chart; data is {@link History#table()}
     */
    public static Plot training(History history) {
        return TrainingCurves.of(history.table());
    }

    /**
     * Loss and accuracy per epoch from a history table.
     *
     * @param history columns {@code epoch, loss, train_accuracy} and optionally {@code test_accuracy, test_loss}
     * @return the chart
     */
    public static Plot training(Table history) {
        return TrainingCurves.of(history);
    }
}
