package org.prune4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How gradients change parameters. Implementations keep per-parameter state (momentum, moments) in a
 * {@link State} created for each parameter array.
 */
public interface Optimizer {

    /** @return the base learning rate */
    double learningRate();

    /**
     * @param learningRate a new base learning rate
     * @return a copy of this optimizer with it
     */
    Optimizer withLearningRate(double learningRate);

    /**
     * @param parameter the parameter array the state belongs to
     * @return fresh state for it (zeros)
     */
    State newState(INDArray parameter);

    /** Per-parameter optimizer state. */
    interface State {
        /**
         * Updates {@code parameter} in place from {@code gradient} (which may be overwritten).
         *
         * @param parameter    the parameter
         * @param gradient     its gradient for this step (L2 decay already added, mask already applied)
         * @param learningRate the learning rate for this step
         * @param step         the 1-based global step number
         */
        void update(INDArray parameter, INDArray gradient, double learningRate, long step);

        /**
         * Zeroes the state where {@code mask} is 0, so that momentum or moments cannot move pruned weights.
         *
         * @param mask 0/1 array of the parameter's shape
         */
        void mask(INDArray mask);
    }
}
