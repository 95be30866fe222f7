package org.prune4j.prune;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.data.LabeledImages;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.HostCopy;
import org.prune4j.nn.Network;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-layer pruning reports with the columns of Han et al.'s Tables 1 and 2: shape, weights, non-zero weights,
 * kept fraction, FLOPs of the dense layer and what remains, compression rate, and a total row.
 *
 * <p>FLOPs count a multiply and an add per weight and example ({@code 2 × in × out} dense). With data,
 * {@link #of(Network, LabeledImages)} also measures how many of each layer's input activations are non-zero
 * (Han's "Act%", reported for the layer's output) and counts only the multiply-adds of non-zero weights that
 * meet a non-zero activation, as Han's FLOP% does; the network's input pixels are treated as dense, as in the paper.
 */
public final class Report {
    /** Han et al. 2015, Table 2, LeNet-300-100: layer, weights, kept weights %, output activation %, FLOP %. */
    private static final Object[][] HAN_LENET_300_100 = {
        {"fc1", 235_200L, 0.08, 0.38, 0.08},
        {"fc2", 30_000L, 0.09, 0.65, 0.04},
        {"fc3", 1_000L, 0.26, 1.00, 0.17},
        {"total", 266_200L, 0.08, 0.46, 0.08},
    };

    private Report() {
    }

    /**
     * @param network a network
     * @return one row per layer and a total row: {@code layer, shape, weights, non_zero, kept, flops_dense,
     *     flops_remaining, flop_kept, compression}
     */
    public static Table of(Network network) {
        return build(network, null);
    }

    /**
     * As {@link #of(Network)}, with activation sparsity measured on {@code data} (up to its first 2,000 examples):
     * adds {@code activation_kept} and counts remaining FLOPs as Han's FLOP% does.
     *
     * @param network a network
     * @param data    examples to measure activations on
     * @return the report
     */
    public static Table of(Network network, LabeledImages data) {
        return build(network, data);
    }

    private static Table build(Network network, LabeledImages data) {
        List<DenseLayer> layers = network.layers();
        double[] actKept = null;
        double[] flopsMeasured = null;
        if (data != null) {
            network.checkCompatible(data);
            int n = Math.min(2000, data.size());
            actKept = new double[layers.size()];
            flopsMeasured = new double[layers.size()];
            measure(network, data.features(0, n), actKept, flopsMeasured);
        }
        Table t = Table.create(network.name() + ": pruning report",
                StringColumn.create("layer"), StringColumn.create("shape"), LongColumn.create("weights"),
                LongColumn.create("non_zero"), DoubleColumn.create("kept"));
        if (actKept != null) {
            t.addColumns(DoubleColumn.create("activation_kept"));
        }
        t.addColumns(DoubleColumn.create("flops_dense"), DoubleColumn.create("flops_remaining"),
                DoubleColumn.create("flop_kept"), DoubleColumn.create("compression"));
        long totalWeights = 0;
        long totalNonZero = 0;
        double totalDense = 0;
        double totalRemaining = 0;
        double actWeighted = 0;
        long neurons = 0;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            long weights = layer.weightCount();
            long nonZero = layer.nonZeroWeights();
            double dense = 2.0 * weights;
            double remaining = flopsMeasured != null ? flopsMeasured[l] : 2.0 * nonZero;
            row(t, layer.name(), layer.inputs() + "x" + layer.outputs(), weights, nonZero,
                    actKept == null ? Double.NaN : actKept[l], dense, remaining);
            totalWeights += weights;
            totalNonZero += nonZero;
            totalDense += dense;
            totalRemaining += remaining;
            if (actKept != null) {
                actWeighted += actKept[l] * layer.outputs();
                neurons += layer.outputs();
            }
        }
        row(t, "total", network.inputs() + "-" + network.outputs(), totalWeights, totalNonZero,
                actKept == null ? Double.NaN : actWeighted / neurons, totalDense, totalRemaining);
        return t;
    }

    private static void row(Table t, String layer, String shape, long weights, long nonZero, double act,
                            double dense, double remaining) {
        t.stringColumn("layer").append(layer);
        t.stringColumn("shape").append(shape);
        t.longColumn("weights").append(weights);
        t.longColumn("non_zero").append(nonZero);
        t.doubleColumn("kept").append((double) nonZero / weights);
        if (t.containsColumn("activation_kept")) {
            t.doubleColumn("activation_kept").append(act);
        }
        t.doubleColumn("flops_dense").append(dense);
        t.doubleColumn("flops_remaining").append(remaining);
        t.doubleColumn("flop_kept").append(remaining / dense);
        t.doubleColumn("compression").append(nonZero == 0 ? Double.POSITIVE_INFINITY : (double) weights / nonZero);
    }

    /** Fills each layer's output activation density and its remaining FLOPs per example. */
    private static void measure(Network network, INDArray x, double[] actKept, double[] flops) {
        List<DenseLayer> layers = network.layers();
        int examples = (int) x.size(0);
        INDArray a = x;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            float[] w = layer.weightArray();
            int in = layer.inputs();
            int out = layer.outputs();
            long[] rowNonZero = new long[in];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    if (w[i * out + j] != 0f) {
                        rowNonZero[i]++;
                    }
                }
            }
            double ops = 0;
            if (l == 0) {
                for (long r : rowNonZero) {
                    ops += 2.0 * r; // network input counted dense, as in the paper
                }
            } else {
                float[] act = HostCopy.toFloats(a);
                for (int e = 0; e < examples; e++) {
                    for (int i = 0; i < in; i++) {
                        if (act[e * in + i] != 0f) {
                            ops += 2.0 * rowNonZero[i];
                        }
                    }
                }
                ops /= examples;
            }
            flops[l] = ops;
            INDArray z = a.mmul(layer.weights()).addiRowVector(layer.bias());
            if (layer.activation() == org.prune4j.nn.Activation.RELU) {
                org.nd4j.linalg.ops.transforms.Transforms.relu(z, false);
            }
            float[] zs = HostCopy.toFloats(z);
            long nz = 0;
            for (float v : zs) {
                if (v != 0f) {
                    nz++;
                }
            }
            actKept[l] = (double) nz / zs.length;
            a = z;
        }
    }

    /**
     * Han et al.'s Table 1 row for LeNet-300-100 beside ours: top-1 error and parameters of the reference and the
     * pruned network, and the compression rate. Parameters count non-zero weights plus biases, as the paper's
     * 267K does (266,200 weights + 410 biases).
     *
     * @param baseline the trained, unpruned network
     * @param pruned   the pruned, retrained network
     * @param test     the test set
     * @return {@code network, top1_error, parameters, parameter_compression} for the paper's two rows and ours
     *     (parameter compression counts biases, so it is a little below {@link PruningRun#compression()}, which
     *     counts weights only)
     */
    public static Table table1(Network baseline, Network pruned, LabeledImages test) {
        Table t = Table.create("Beside Han et al. (2015), Table 1: LeNet-300-100",
                StringColumn.create("network"), DoubleColumn.create("top1_error"), LongColumn.create("parameters"),
                DoubleColumn.create("parameter_compression"));
        long baseParams = parameters(baseline);
        long prunedParams = parameters(pruned);
        Object[][] rows = {
            {"LeNet-300-100 Ref (paper)", 0.0164, 267_000L, 1.0},
            {"LeNet-300-100 Pruned (paper)", 0.0159, 22_000L, 12.0},
            {"LeNet-300-100 Ref (prune4j)", baseline.evaluate(test).error(), baseParams, 1.0},
            {"LeNet-300-100 Pruned (prune4j)", pruned.evaluate(test).error(), prunedParams, (double) baseParams / prunedParams},
        };
        for (Object[] r : rows) {
            t.stringColumn("network").append((String) r[0]);
            t.doubleColumn("top1_error").append((Double) r[1]);
            t.longColumn("parameters").append((Long) r[2]);
            t.doubleColumn("parameter_compression").append((Double) r[3]);
        }
        return t;
    }

    private static long parameters(Network network) {
        long biases = network.layers().stream().mapToLong(DenseLayer::outputs).sum();
        return network.nonZeroWeights() + biases;
    }

    /**
     * Han et al.'s Table 2 row values for LeNet-300-100, to put beside ours.
     *
     * @return {@code layer, weights, kept, activation_kept, flop_kept} as published
     */
    public static Table hanLenet300100() {
        Table t = Table.create("Han et al. 2015, Table 2: LeNet-300-100",
                StringColumn.create("layer"), LongColumn.create("weights"), DoubleColumn.create("kept"),
                DoubleColumn.create("activation_kept"), DoubleColumn.create("flop_kept"));
        for (Object[] r : HAN_LENET_300_100) {
            t.stringColumn("layer").append((String) r[0]);
            t.longColumn("weights").append((Long) r[1]);
            t.doubleColumn("kept").append((Double) r[2]);
            t.doubleColumn("activation_kept").append((Double) r[3]);
            t.doubleColumn("flop_kept").append((Double) r[4]);
        }
        return t;
    }

    /**
     * Our pruned LeNet-300-100 beside the paper's Table 2, layer by layer.
     *
     * @param network the pruned network (layers fc1, fc2, fc3)
     * @param data    examples for activation statistics
     * @return {@code layer, weights, kept, paper_kept, activation_kept, paper_activation_kept, flop_kept, paper_flop_kept}
     */
    public static Table besidePaper(Network network, LabeledImages data) {
        Table ours = of(network, data);
        Table paper = hanLenet300100();
        Table t = Table.create(network.name() + " beside Han et al. (2015), Table 2",
                StringColumn.create("layer"), LongColumn.create("weights"), DoubleColumn.create("kept"),
                DoubleColumn.create("paper_kept"), DoubleColumn.create("activation_kept"),
                DoubleColumn.create("paper_activation_kept"), DoubleColumn.create("flop_kept"),
                DoubleColumn.create("paper_flop_kept"));
        for (int r = 0; r < ours.rowCount(); r++) {
            String layer = ours.stringColumn("layer").get(r);
            int p = paper.stringColumn("layer").indexOf(layer);
            t.stringColumn("layer").append(layer);
            t.longColumn("weights").append(ours.longColumn("weights").get(r));
            t.doubleColumn("kept").append(ours.doubleColumn("kept").get(r));
            t.doubleColumn("paper_kept").append(p < 0 ? Double.NaN : paper.doubleColumn("kept").get(p));
            t.doubleColumn("activation_kept").append(ours.doubleColumn("activation_kept").get(r));
            t.doubleColumn("paper_activation_kept").append(p < 0 ? Double.NaN : paper.doubleColumn("activation_kept").get(p));
            t.doubleColumn("flop_kept").append(ours.doubleColumn("flop_kept").get(r));
            t.doubleColumn("paper_flop_kept").append(p < 0 ? Double.NaN : paper.doubleColumn("flop_kept").get(p));
        }
        return t;
    }
}
