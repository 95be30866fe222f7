package org.prune4j.nn;

/**
 * Accuracy and mean cross-entropy of a network on a labelled set.
 *
 * @param accuracy fraction classified correctly
 * @param loss     mean softmax cross-entropy
 * @param count    number of examples
 */
public record Evaluation(double accuracy, double loss, int count) {

    /** @return the error rate, {@code 1 - accuracy} */
    public double error() {
        return 1 - accuracy;
    }

    @Override
    public String toString() {
        return String.format("accuracy %.2f %% (error %.2f %%), loss %.4f on %d examples", 100 * accuracy, 100 * error(), loss, count);
    }
}
