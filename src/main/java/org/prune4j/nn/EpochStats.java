package org.prune4j.nn;

/**
 * What one epoch of training did.
 *
 * @param epoch         1-based epoch
 * @param loss          mean training loss over the epoch's mini-batches (without L2 term)
 * @param trainAccuracy accuracy over the epoch's mini-batches, as they were seen (dropout on)
 * @param testAccuracy  accuracy on the test set after the epoch ({@code NaN} when there is none)
 * @param testLoss      loss on the test set after the epoch ({@code NaN} when there is none)
 * @param seconds       wall-clock seconds of the epoch's training steps (evaluation excluded)
 * @param learningRate  learning rate used in the epoch
 */
public record EpochStats(int epoch, double loss, double trainAccuracy, double testAccuracy, double testLoss,
                         double seconds, double learningRate) {
}
