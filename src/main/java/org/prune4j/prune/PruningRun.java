package org.prune4j.prune;

import java.util.List;

import org.prune4j.nn.History;
import org.prune4j.nn.Network;

import tech.tablesaw.api.Table;

/**
 * The outcome of a pruning schedule: the network before, right after the last pruning (before its retraining),
 * and at the end; a table of the steps; and the training histories.
 *
 * @param before    copy of the network before pruning
 * @param pruned    copy right after the last pruning step, before retraining
 * @param network   the final pruned (and retrained) network
 * @param steps     one row per pruning step
 * @param histories training history of each retraining (or the single run of a gradual schedule)
 */
public record PruningRun(Network before, Network pruned, Network network, Table steps, List<History> histories) {

    /** Copies the list. */
    public PruningRun {
        histories = List.copyOf(histories);
    }

    /** @return the final network's kept fraction of weights */
    public double kept() {
        return (double) network.nonZeroWeights() / network.weightCount();
    }

    /** @return the final network's compression rate in weights (weights / non-zero weights; biases not counted) */
    public double compression() {
        return (double) network.weightCount() / network.nonZeroWeights();
    }

    /** @return {@link Report#of(Network)} of the final network */
    public Table report() {
        return Report.of(network);
    }

    @Override
    public String toString() {
        return steps.printAll();
    }
}
