package org.prune4j.prune;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.prune4j.data.ImageDataset;
import org.prune4j.nn.Checkpoint;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Evaluation;
import org.prune4j.nn.History;
import org.prune4j.nn.Network;
import org.prune4j.nn.Training;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Han et al.'s iterative pruning: prune, retrain with the masks held, prune more, retrain … Each stage is a
 * {@link PruningMethod}; after each, the network is retrained with the given {@link Training} (Han: a lower
 * learning rate than the original run), optionally with dropout rescaled as {@code D_r = D_o · sqrt(C_ir / C_io)},
 * {@code D_o} and {@code C_io} being each layer's dropout rate and connections when the run starts.
 * Made by {@link Schedule}.
 */
public final class IterativePruning {
    private final List<PruningMethod> stages;
    private final Training retraining;
    private final boolean rescaleDropout;
    private final boolean quiet;

    IterativePruning(List<PruningMethod> stages, Training retraining, boolean rescaleDropout, boolean quiet) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one pruning step");
        }
        this.stages = List.copyOf(stages);
        this.retraining = retraining;
        this.rescaleDropout = rescaleDropout;
        this.quiet = quiet;
    }

    /**
     * @param training how to retrain after each pruning step (e.g. {@code Training.sgd(0.01).momentum(0.9).epochs(3)})
     * @return a copy that retrains so
     */
    public IterativePruning retrain(Training training) {
        return new IterativePruning(stages, training, rescaleDropout, quiet);
    }

    /**
     * @return a copy that rescales each layer's dropout by {@code sqrt(connections kept / connections at the start)}
     *         before retraining (Han §3.1)
     */
    public IterativePruning rescaleDropout() {
        return new IterativePruning(stages, retraining, true, quiet);
    }

    /** @return a copy that prints no step lines (training progress follows the retraining's own setting) */
    public IterativePruning quiet() {
        return new IterativePruning(stages, retraining, rescaleDropout, true);
    }

    /** @return the pruning steps */
    public List<PruningMethod> stages() {
        return stages;
    }

    /**
     * What decides this schedule's result on a network: its steps, whether dropout is rescaled, the retraining
     * recipe, the data, and the network it starts from (its layers and a checksum of its parameters). Keep the
     * pruned network with it, and it is reused only for the same schedule from the same network (steps are told
     * apart by their descriptions, which give sparsities to four significant digits):
     * <pre>{@code
     * Checkpoint.at(path).save(schedule.run(net, mnist).network(), schedule.recipe(net, mnist));   // notebook 3
     * Checkpoint.at(path).loadOr(schedule.recipe(net, mnist), () -> schedule.run(net, mnist).network());   // later
     * }</pre>
     *
     * @param network the trained network the schedule would start from
     * @param data    the data it would retrain on
     * @return the recipe text
     * @throws IllegalArgumentException if a step does not describe itself (a lambda, or a class without its own
     *                                  {@code toString}): its text would differ from run to run
     */
    public String recipe(Network network, ImageDataset data) {
        StringBuilder s = new StringBuilder("iterative pruning:");
        for (PruningMethod stage : stages) {
            if (!Checkpoint.describesItself(stage)) {
                throw new IllegalArgumentException("pruning step '" + stage.name() + "' (" + stage.getClass().getName()
                        + ") has no description of its own, so a recipe cannot tell it from another; give its class"
                        + " a toString that says what it does");
            }
            s.append(' ').append(stage).append(';');
        }
        s.append(rescaleDropout ? " dropout rescaled" : " dropout as it is");
        if (retraining == null) {
            s.append("\nno retraining\n").append(Checkpoint.origin(network, data));
        } else {
            s.append("\nretraining ").append(Checkpoint.recipe(network, data, retraining));
        }
        return s.toString();
    }

    /**
     * Runs the schedule on a copy of {@code network}; the network given is not changed.
     *
     * @param network a trained network
     * @param data    training data for retraining and test data for the table
     * @return the run
     */
    public PruningRun run(Network network, ImageDataset data) {
        Network before = network.copy();
        Network work = network.copy();
        // Han's D_r = D_o * sqrt(C_r / C_o), taken from this run's start: a network pruned and rescaled before (and
        // saved with its rescaled rate) is not rescaled twice for the connections it had already lost
        double[] originalDropout = work.layers().stream().mapToDouble(DenseLayer::dropout).toArray();
        long[] originalConnections = work.layers().stream().mapToLong(DenseLayer::nonZeroWeights).toArray();
        Table table = Table.create("Iterative pruning", IntColumn.create("step"), StringColumn.create("method"),
                DoubleColumn.create("kept"));
        for (DenseLayer layer : work.layers()) {
            table.addColumns(DoubleColumn.create("kept_" + layer.name()));
        }
        table.addColumns(DoubleColumn.create("accuracy_pruned"), DoubleColumn.create("accuracy_retrained"),
                IntColumn.create("epochs"));
        List<History> histories = new ArrayList<>();
        Network pruned = null;
        PrintStream out = System.out;
        for (int s = 0; s < stages.size(); s++) {
            PruningMethod stage = stages.get(s);
            stage.apply(work);
            Evaluation afterPruning = work.evaluate(data.test());
            if (s == stages.size() - 1) {
                pruned = work.copy();
            }
            if (rescaleDropout) {
                for (int l = 0; l < work.layers().size(); l++) {
                    DenseLayer layer = work.layer(l);
                    layer.setDropout(originalConnections[l] == 0 ? originalDropout[l] : originalDropout[l]
                            * Math.sqrt((double) layer.nonZeroWeights() / originalConnections[l]));
                }
            }
            double kept = (double) work.nonZeroWeights() / work.weightCount();
            if (!quiet) {
                out.printf("step %d/%d: %s -> %.2f %% of weights kept, accuracy %.2f %% before retraining%n",
                        s + 1, stages.size(), stage, 100 * kept, 100 * afterPruning.accuracy());
            }
            double retrained = afterPruning.accuracy();
            int epochs = 0;
            if (retraining != null) {
                History h = work.fit(data, retraining);
                histories.add(h);
                retrained = h.last().testAccuracy();
                epochs = retraining.epochs();
            }
            table.intColumn("step").append(s + 1);
            table.stringColumn("method").append(stage.toString());
            table.doubleColumn("kept").append(kept);
            for (DenseLayer layer : work.layers()) {
                table.doubleColumn("kept_" + layer.name()).append((double) layer.nonZeroWeights() / layer.weightCount());
            }
            table.doubleColumn("accuracy_pruned").append(afterPruning.accuracy());
            table.doubleColumn("accuracy_retrained").append(retrained);
            table.intColumn("epochs").append(epochs);
        }
        return new PruningRun(before, pruned, work, table, histories);
    }
}
