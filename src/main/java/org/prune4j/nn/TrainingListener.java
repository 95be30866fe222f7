package org.prune4j.nn;

/**
 * Called by training after every optimizer step and after every epoch; the hook pruning schedules use.
 * A listener may change masks (via {@link DenseLayer#setMask}); training respects a new mask from the next step on.
 */
public interface TrainingListener {

    /**
     * After an optimizer step.
     *
     * @param step what happened
     */
    default void onStep(Step step) {
    }

    /**
     * After an epoch (its evaluation included).
     *
     * @param epoch what happened
     */
    default void onEpoch(EpochStats epoch) {
    }

    /**
     * One optimizer step.
     *
     * @param network       the network being trained
     * @param epoch         1-based epoch
     * @param step          1-based global step count of this run
     * @param stepInEpoch   1-based step within the epoch
     * @param stepsPerEpoch steps in one epoch
     * @param loss          mini-batch loss before the step
     */
    record Step(Network network, int epoch, long step, int stepInEpoch, int stepsPerEpoch, double loss) {
    }
}
