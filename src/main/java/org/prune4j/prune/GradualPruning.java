package org.prune4j.prune;

import java.util.function.Function;

import org.prune4j.data.ImageDataset;
import org.prune4j.nn.History;
import org.prune4j.nn.Network;
import org.prune4j.nn.Training;
import org.prune4j.nn.TrainingListener;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Zhu &amp; Gupta's (2017) gradual pruning while training: at steps {@code t = t0, t0 + Δt, …, t0 + nΔt} the
 * sparsity is raised to {@code s_t = s_f + (s_i − s_f)(1 − (t − t0)/(nΔt))^3} — fast at first, slowly at the end,
 * while training repairs the damage in between. It is a {@link TrainingListener}; {@link #run} trains with it.
 * Made by {@link Schedule#gradual(double)}.
 */
public final class GradualPruning implements TrainingListener {
    private final double initial;
    private final double target;
    private final long begin;
    private final long every;
    private final int times;
    private final Function<Double, PruningMethod> method;

    GradualPruning(double initial, double target, long begin, long every, int times,
                   Function<Double, PruningMethod> method) {
        Amount.toSparsity(initial);
        Amount.toSparsity(target);
        if (begin < 1 || every <= 0 || times <= 0) {
            throw new IllegalArgumentException("gradual pruning needs begin >= 1 (steps count from 1), every > 0 and"
                    + " times > 0, got " + begin + ", " + every + ", " + times);
        }
        if (every > (Long.MAX_VALUE - begin) / times) {
            throw new IllegalArgumentException("gradual pruning from step " + begin + ", every " + every + " steps, "
                    + times + " times, would end past the last step a run can have; use fewer or shorter intervals");
        }
        if (initial > target) {
            throw new IllegalArgumentException("gradual pruning goes from a lower sparsity to a higher one (pruning"
                    + " never restores weights), got from " + initial + " to " + target + "; swap them or lower from(...)");
        }
        this.initial = initial;
        this.target = target;
        this.begin = begin;
        this.every = every;
        this.times = times;
        this.method = method;
    }

    /** @param s initial sparsity s_i @return a copy */
    public GradualPruning from(double s) {
        return new GradualPruning(s, target, begin, every, times, method);
    }

    /** @param step first pruning step t0 (1-based optimizer step count) @return a copy */
    public GradualPruning begin(long step) {
        return new GradualPruning(initial, target, step, every, times, method);
    }

    /** @param steps steps Δt between prunings @return a copy */
    public GradualPruning every(long steps) {
        return new GradualPruning(initial, target, begin, steps, times, method);
    }

    /** @param n number of pruning intervals n (n + 1 prunings) @return a copy */
    public GradualPruning times(int n) {
        return new GradualPruning(initial, target, begin, every, n, method);
    }

    /** @param method pruning method by sparsity (default per-layer magnitude) @return a copy */
    public GradualPruning method(Function<Double, PruningMethod> method) {
        return new GradualPruning(initial, target, begin, every, times, method);
    }

    /**
     * @param step a 1-based optimizer step
     * @return the scheduled sparsity at that step (s_i before t0, s_f after t0 + nΔt)
     */
    public double sparsityAt(long step) {
        if (step < begin) {
            return initial;
        }
        double progress = Math.min(1.0, (double) (step - begin) / (times * every));
        return target + (initial - target) * Math.pow(1 - progress, 3);
    }

    /** @return the last step at which pruning happens */
    public long end() {
        return begin + times * every;
    }

    @Override
    public void onStep(Step step) {
        pruneIfScheduled(step);
    }

    /** Prunes when {@code step} is a scheduled step. @return the sparsity pruned to, or NaN if none */
    private double pruneIfScheduled(Step step) {
        long t = step.step();
        if (t < begin || t > end() || (t - begin) % every != 0) {
            return Double.NaN;
        }
        double s = sparsityAt(t);
        method.apply(s).apply(step.network());
        return s;
    }

    @Override
    public String toString() {
        return "gradual pruning from " + initial + " to " + target + " sparsity at steps " + begin + ", " + (begin + every)
                + ", ... " + end() + " by " + method.apply(target);
    }

    /**
     * Trains a copy of {@code network} with this schedule; the network given is not changed.
     *
     * @param network  a network (trained or not)
     * @param data     the data set
     * @param training how to train (this listener is added)
     * @return the run; its step table lists every pruning event
     */
    public PruningRun run(Network network, ImageDataset data, Training training) {
        int stepsPerEpoch = (data.train().size() + training.batch() - 1) / training.batch();
        if (end() > (long) stepsPerEpoch * training.epochs()) {
            throw new IllegalArgumentException("the schedule prunes until step " + end() + " but training has only "
                    + (long) stepsPerEpoch * training.epochs() + " steps; train longer or prune sooner");
        }
        Network before = network.copy();
        Network work = network.copy();
        Table events = Table.create("Gradual pruning events", LongColumn.create("step"), IntColumn.create("epoch"),
                DoubleColumn.create("target_sparsity"), DoubleColumn.create("kept"));
        Network[] atLastPruning = new Network[1];
        TrainingListener recording = new TrainingListener() {
            @Override
            public void onStep(Step step) {
                double s = pruneIfScheduled(step);
                if (!Double.isNaN(s)) {
                    events.longColumn("step").append(step.step());
                    events.intColumn("epoch").append(step.epoch());
                    events.doubleColumn("target_sparsity").append(s);
                    events.doubleColumn("kept").append((double) work.nonZeroWeights() / work.weightCount());
                    if (step.step() == end()) {
                        atLastPruning[0] = work.copy();
                    }
                }
            }

            /** The schedule's own text: the training's recipe (a Checkpoint's) records the listener by it. */
            @Override
            public String toString() {
                return GradualPruning.this.toString();
            }
        };
        History history = work.fit(data, training.listener(recording));
        // "pruned" is the network right after the last pruning; the training that follows it is the retraining
        return new PruningRun(before, atLastPruning[0], work, events, java.util.List.of(history));
    }
}
