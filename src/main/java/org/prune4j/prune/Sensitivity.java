package org.prune4j.prune;

import java.util.function.Function;

import org.prune4j.data.LabeledImages;
import org.prune4j.nn.Network;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-layer sensitivity (Han et al.'s Fig. 6): prune one layer alone over a grid of sparsities, without retraining,
 * and measure accuracy. Layers whose accuracy holds up can be pruned harder.
 */
public final class Sensitivity {
    private final Network network;
    private final LabeledImages test;
    private final double[] levels;
    private final Function<Double, PruningMethod> method;

    private Sensitivity(Network network, LabeledImages test, double[] levels, Function<Double, PruningMethod> method) {
        this.network = network;
        this.test = test;
        this.levels = levels.clone();
        this.method = method;
    }

    /**
     * @param network a trained network (never modified)
     * @param test    examples to measure accuracy on
     * @return a sensitivity analysis with magnitude pruning at 0, 10, …, 90, 95, 99 %
     */
    public static Sensitivity of(Network network, LabeledImages test) {
        return new Sensitivity(network, test, new double[] {0, .1, .2, .3, .4, .5, .6, .7, .8, .9, .95, .99},
                Pruning::magnitude);
    }

    /**
     * @param levels sparsities to try, each in [0, 1]
     * @return a copy with them
     */
    public Sensitivity levels(double... levels) {
        Sweep.checkLevels(levels);
        return new Sensitivity(network, test, levels, method);
    }

    /**
     * @param method pruning method by level (default magnitude)
     * @return a copy with it
     */
    public Sensitivity method(Function<Double, PruningMethod> method) {
        return new Sensitivity(network, test, levels, method);
    }

    /** @return {@code layer, sparsity, accuracy}: one row per layer and level */
    public Table run() {
        Table t = Table.create(network.name() + ": per-layer sensitivity",
                StringColumn.create("layer"), DoubleColumn.create("sparsity"), DoubleColumn.create("accuracy"));
        for (String layer : network.layerNames()) {
            for (double level : levels) {
                Network copy = network.copy();
                method.apply(level).onLayers(layer).apply(copy);
                t.stringColumn("layer").append(layer);
                t.doubleColumn("sparsity").append(level);
                t.doubleColumn("accuracy").append(copy.evaluate(test).accuracy());
            }
        }
        return t;
    }
}
