package org.prune4j.nn;

/**
 * A learning-rate schedule: the rate for an epoch given the base rate. Constant, step decay and cosine annealing
 * are provided (with names, so that a recipe prints what it does).
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
        return new Constant();
    }

    /**
     * @param factor multiply by this ...
     * @param every  ... every this many epochs
     * @return step decay
     */
    static LearningRate step(double factor, int every) {
        return new Step(factor, every);
    }

    /** @return cosine annealing from the base rate towards 0 over the run */
    static LearningRate cosine() {
        return new Cosine();
    }

    /** The base rate throughout. */
    record Constant() implements LearningRate {
        @Override
        public double at(double base, int epoch, int epochs) {
            return base;
        }

        @Override
        public String toString() {
            return "constant rate";
        }
    }

    /**
     * Step decay.
     *
     * @param factor multiply by this ...
     * @param every  ... every this many epochs
     */
    record Step(double factor, int every) implements LearningRate {
        /** Validates the parameters. */
        public Step {
            if (!(factor > 0) || Double.isInfinite(factor) || every <= 0) {
                throw new IllegalArgumentException("step decay needs a finite factor > 0 and every > 0, got factor "
                        + factor + " every " + every);
            }
        }

        @Override
        public double at(double base, int epoch, int epochs) {
            return base * Math.pow(factor, epoch / every);
        }

        @Override
        public String toString() {
            return "rate x" + factor + " every " + every + " epochs";
        }
    }

    /** Cosine annealing from the base rate towards 0 over the run. */
    record Cosine() implements LearningRate {
        @Override
        public double at(double base, int epoch, int epochs) {
            return 0.5 * base * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs)));
        }

        @Override
        public String toString() {
            return "cosine annealing";
        }
    }
}
