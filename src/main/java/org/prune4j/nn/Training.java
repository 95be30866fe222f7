package org.prune4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to train: optimizer, L2 weight decay, epochs, batch size, seed, learning-rate schedule, listeners and
 * progress. Immutable; every setter returns a changed copy, so one base configuration can serve several runs:
 *
 * <pre>{@code
 * var base = Training.sgd(0.05).momentum(0.9).l2(1e-4).batch(128).seed(42);
 * net.fit(mnist, base.epochs(20).schedule(LearningRate.cosine()));
 * }</pre>
 */
public final class Training {
    private final Optimizer optimizer;
    private final double l2;
    private final int epochs;
    private final int batch;
    private final long seed;
    private final LearningRate schedule;
    private final List<TrainingListener> listeners;
    private final Progress progress;

    private Training(Optimizer optimizer, double l2, int epochs, int batch, long seed, LearningRate schedule,
                     List<TrainingListener> listeners, Progress progress) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.l2 = l2;
        this.epochs = epochs;
        this.batch = batch;
        this.seed = seed;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.listeners = List.copyOf(listeners);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * @param optimizer the optimizer
     * @return a configuration with defaults: no L2, 10 epochs, batch 128, seed 42, constant rate, console progress
     */
    public static Training with(Optimizer optimizer) {
        return new Training(optimizer, 0, 10, 128, 42, LearningRate.constant(), List.of(), Progress.console());
    }

    /**
     * @param learningRate learning rate
     * @return plain SGD (add {@link #momentum(double)})
     */
    public static Training sgd(double learningRate) {
        return with(new Sgd(learningRate, 0, false));
    }

    /**
     * @param learningRate learning rate
     * @return Adam with betas 0.9, 0.999
     */
    public static Training adam(double learningRate) {
        return with(Adam.of(learningRate));
    }

    /**
     * @param momentum SGD momentum in [0, 1)
     * @return a copy with that momentum
     * @throws IllegalStateException if the optimizer is not SGD
     */
    public Training momentum(double momentum) {
        if (!(optimizer instanceof Sgd sgd)) {
            throw new IllegalStateException("momentum applies to SGD, not " + optimizer);
        }
        return optimizer(new Sgd(sgd.learningRate(), momentum, sgd.nesterov()));
    }

    /**
     * @param optimizer another optimizer
     * @return a copy with it
     */
    public Training optimizer(Optimizer optimizer) {
        return new Training(optimizer, l2, epochs, batch, seed, schedule, listeners, progress);
    }

    /**
     * @param learningRate a new base learning rate (e.g. lower for retraining after pruning)
     * @return a copy with it
     */
    public Training learningRate(double learningRate) {
        return optimizer(optimizer.withLearningRate(learningRate));
    }

    /**
     * @param l2 L2 weight decay coefficient λ (adds λ·w to every gradient, as PyTorch's {@code weight_decay})
     * @return a copy with it
     */
    public Training l2(double l2) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be >= 0 and finite, got " + l2);
        }
        return new Training(optimizer, l2, epochs, batch, seed, schedule, listeners, progress);
    }

    /**
     * @param epochs number of passes over the training set
     * @return a copy with it
     */
    public Training epochs(int epochs) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        return new Training(optimizer, l2, epochs, batch, seed, schedule, listeners, progress);
    }

    /**
     * @param batch mini-batch size
     * @return a copy with it
     */
    public Training batch(int batch) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batch);
        }
        return new Training(optimizer, l2, epochs, batch, seed, schedule, listeners, progress);
    }

    /**
     * @param seed seed of shuffling and dropout
     * @return a copy with it
     */
    public Training seed(long seed) {
        return new Training(optimizer, l2, epochs, batch, seed, schedule, listeners, progress);
    }

    /**
     * @param schedule learning-rate schedule
     * @return a copy with it
     */
    public Training schedule(LearningRate schedule) {
        return new Training(optimizer, l2, epochs, batch, seed, schedule, listeners, progress);
    }

    /**
     * @param listener called after every step and epoch
     * @return a copy with it added
     */
    public Training listener(TrainingListener listener) {
        List<TrainingListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new Training(optimizer, l2, epochs, batch, seed, schedule, more, progress);
    }

    /**
     * @param progress how to report progress
     * @return a copy with it
     */
    public Training progress(Progress progress) {
        return new Training(optimizer, l2, epochs, batch, seed, schedule, listeners, progress);
    }

    /** @return a copy that prints nothing */
    public Training quiet() {
        return progress(Progress.none());
    }

    /** @return the optimizer */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the L2 coefficient */
    public double l2() {
        return l2;
    }

    /** @return the number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return the batch size */
    public int batch() {
        return batch;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the learning-rate schedule */
    public LearningRate schedule() {
        return schedule;
    }

    /** @return the listeners */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /** @return the progress reporter */
    public Progress progress() {
        return progress;
    }

    @Override
    public String toString() {
        return describe(String.valueOf(optimizer), String.valueOf(schedule));
    }

    /** This recipe in words, with the optimizer and schedule described as given (see {@link Checkpoint}). */
    String describe(String optimizerText, String scheduleText) {
        return optimizerText + (l2 > 0 ? ", L2 " + l2 : "") + ", " + scheduleText + ", " + epochs + " epochs, batch "
                + batch + ", seed " + seed;
    }
}
