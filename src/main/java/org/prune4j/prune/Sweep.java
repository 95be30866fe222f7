package org.prune4j.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.prune4j.data.LabeledImages;
import org.prune4j.nn.Evaluation;
import org.prune4j.nn.Network;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A one-shot sweep: prune copies of a trained network at several levels with several methods, without
 * retraining, and measure accuracy — the reference experiment "weight vs unit pruning at k = 0 … 99 %".
 *
 * <pre>{@code
 * Table sweep = Sweep.oneShot(net, mnist.test())
 *         .methods(Pruning::magnitude, Pruning::units)
 *         .levels(0, .25, .5, .6, .7, .8, .9, .95, .97, .99)
 *         .run();
 * }</pre>
 * By default every layer but the output layer is pruned (as in the reference experiment), with the same layers
 * for every method so the comparison is fair.
 */
public final class Sweep {
    private static final double[] REFERENCE_LEVELS = {0, .25, .5, .6, .7, .8, .9, .95, .97, .99};

    private final Network network;
    private final LabeledImages test;
    private final List<Function<Double, PruningMethod>> methods;
    private final double[] levels;
    private final String label;
    private final String[] layers;

    private Sweep(Network network, LabeledImages test, List<Function<Double, PruningMethod>> methods,
                  double[] levels, String label, String[] layers) {
        this.network = network;
        this.test = test;
        this.methods = List.copyOf(methods);
        this.levels = levels.clone();
        this.label = label;
        this.layers = layers == null ? null : layers.clone();
    }

    /** @return the sparsity levels of the reference experiment (a copy) */
    public static double[] referenceLevels() {
        return REFERENCE_LEVELS.clone();
    }

    /**
     * @param network a trained network (never modified)
     * @param test    examples to measure accuracy on
     * @return a sweep of weight and unit pruning over the reference levels
     */
    public static Sweep oneShot(Network network, LabeledImages test) {
        List<Function<Double, PruningMethod>> defaults = List.of(Pruning::magnitude, Pruning::units);
        return new Sweep(network, test, defaults, REFERENCE_LEVELS, null, null);
    }

    /**
     * @param methods pruning methods by level, e.g. {@code Pruning::magnitude, Pruning::units}
     * @return a copy with these methods
     */
    @SafeVarargs
    public final Sweep methods(Function<Double, PruningMethod>... methods) {
        if (methods.length == 0) {
            throw new IllegalArgumentException("give at least one pruning method");
        }
        return new Sweep(network, test, Arrays.asList(methods), levels, label, layers);
    }

    /**
     * @param levels fractions to prune, each in [0, 1]
     * @return a copy with these levels
     */
    public Sweep levels(double... levels) {
        checkLevels(levels);
        return new Sweep(network, test, methods, levels, label, layers);
    }

    /**
     * @param levels sparsities, for a sweep or a sensitivity scan
     * @throws IllegalArgumentException if there is none, or one is outside [0, 1]
     */
    static void checkLevels(double[] levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("give at least one level");
        }
        for (double level : levels) {
            Amount.toSparsity(level); // validates
        }
    }

    /**
     * @param label appended to each series name, e.g. "L2" gives "weight, L2"
     * @return a copy with the label
     */
    public Sweep label(String label) {
        return new Sweep(network, test, methods, levels, label, layers);
    }

    /**
     * @param layerNames the layers to prune (default: all but the output layer)
     * @return a copy pruning those
     */
    public Sweep onLayers(String... layerNames) {
        return new Sweep(network, test, methods, levels, label, layerNames);
    }

    /**
     * Runs the sweep.
     *
     * @return {@code series, method, sparsity (the level), weight_sparsity (zero weights / weights of the pruned
     *     layers), accuracy, error}, one row per method and level
     */
    public Table run() {
        if (layers == null && network.layers().size() < 2) {
            throw new IllegalArgumentException(network.name() + " has only its output layer, which a sweep leaves"
                    + " alone by default (unit pruning would delete classes); name it with onLayers(...) to prune it");
        }
        String[] chosen = layers != null ? layers
                : network.layerNames().subList(0, network.layers().size() - 1).toArray(String[]::new);
        Table t = Table.create("One-shot pruning sweep" + (label == null ? "" : " (" + label + ")"),
                StringColumn.create("series"), StringColumn.create("method"), DoubleColumn.create("sparsity"),
                DoubleColumn.create("weight_sparsity"), DoubleColumn.create("accuracy"), DoubleColumn.create("error"));
        List<PruningMethod> resolved = new ArrayList<>();
        for (Function<Double, PruningMethod> method : methods) {
            resolved.add(method.apply(levels[0]).onLayers(chosen));
        }
        for (int m = 0; m < methods.size(); m++) {
            String name = resolved.get(m).name();
            for (double level : levels) {
                Network copy = network.copy();
                PruningMethod method = methods.get(m).apply(level).onLayers(chosen);
                method.apply(copy);
                long weights = 0;
                long zeros = 0;
                for (String layer : chosen) {
                    weights += copy.layer(layer).weightCount();
                    zeros += copy.layer(layer).weightCount() - copy.layer(layer).nonZeroWeights();
                }
                Evaluation e = copy.evaluate(test);
                t.stringColumn("series").append(label == null ? name : name + ", " + label);
                t.stringColumn("method").append(name);
                t.doubleColumn("sparsity").append(level);
                t.doubleColumn("weight_sparsity").append((double) zeros / weights);
                t.doubleColumn("accuracy").append(e.accuracy());
                t.doubleColumn("error").append(e.error());
            }
        }
        return t;
    }
}
