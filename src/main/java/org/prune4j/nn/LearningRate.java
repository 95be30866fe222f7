package org.prune4j.nn;

/**
 * A learning-rate schedule: the rate for an epoch given the base rate. Constant, step decay and cosine annealing
 * are provided.
 */
@FunctionalInterface
public interface LearningRate {

    /**
     * @param base   the optimizer's base learning rate
     * @param epoch  0-based epoch
     * @param epochs number of epochs of the run
     * @return the learning rate for that epoch
     */
    double at(double base, int epoch, int epochs);

    /** @return the base rate throughout */
    static LearningRate constant() {
        return (base, epoch, epochs) -> base;
    }

    /**
     * @param factor multiply by this ...
     * @param every  ... every this many epochs
     * @return step decay
     */
    static LearningRate step(double factor, int every) {
        if (!(factor > 0) || every <= 0) {
            throw new IllegalArgumentException("step decay needs factor > 0 and every > 0");
        }
        return (base, epoch, epochs) -> base * Math.pow(factor, epoch / every);
    }

    /** @return cosine annealing from the base rate towards 0 over the run */
    static LearningRate cosine() {
        return (base, epoch, epochs) -> 0.5 * base * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs)));
    }
}
