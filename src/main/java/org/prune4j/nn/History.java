package org.prune4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a training run did, epoch by epoch: loss, training and test accuracy, seconds, learning rate; and the recipe
 * that decided it, which {@link Checkpoint#save(Network, History)} keeps beside the trained network.
 */
public final class History {
    private final List<EpochStats> epochs = new ArrayList<>();
    private final String recipe;

    History(String recipe) {
        this.recipe = recipe;
    }

    /**
     * @return what decided this run: the training recipe (optimizer, schedule, epochs, batch, seed, listeners), the
     *         data's name and sizes, and the starting network's layers with a checksum of its initial parameters
     */
    public String recipe() {
        return recipe;
    }

    void add(EpochStats stats) {
        epochs.add(stats);
    }

    /** @return the epochs, in order */
    public List<EpochStats> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** @return the last epoch */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has been trained");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** @return the median seconds per epoch (robust to a slow first epoch while the JIT warms up) */
    public double medianSecondsPerEpoch() {
        double[] s = epochs.stream().mapToDouble(EpochStats::seconds).toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * A Tablesaw table with columns {@code epoch, loss, train_accuracy, test_accuracy, test_loss, seconds,
     * learning_rate}.
     *
     * @return the table
     */
    public Table table() {
        return Table.create("Training history",
                IntColumn.create("epoch", epochs.stream().mapToInt(EpochStats::epoch).toArray()),
                DoubleColumn.create("loss", epochs.stream().mapToDouble(EpochStats::loss).toArray()),
                DoubleColumn.create("train_accuracy", epochs.stream().mapToDouble(EpochStats::trainAccuracy).toArray()),
                DoubleColumn.create("test_accuracy", epochs.stream().mapToDouble(EpochStats::testAccuracy).toArray()),
                DoubleColumn.create("test_loss", epochs.stream().mapToDouble(EpochStats::testLoss).toArray()),
                DoubleColumn.create("seconds", epochs.stream().mapToDouble(EpochStats::seconds).toArray()),
                DoubleColumn.create("learning_rate", epochs.stream().mapToDouble(EpochStats::learningRate).toArray()));
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
