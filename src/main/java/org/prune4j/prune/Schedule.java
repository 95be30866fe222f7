package org.prune4j.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pruning schedules: one-shot, Han's iterative prune → retrain, and Zhu &amp; Gupta's gradual schedule.
 *
 * <pre>{@code
 * PruningRun han = Schedule.iterative(Map.of("fc1", .925, "fc2", .91, "fc3", .74), 4)
 *         .retrain(Training.sgd(0.01).momentum(0.9).l2(1e-4).epochs(3))
 *         .run(net, mnist);
 * }</pre>
 */
public final class Schedule {
    private Schedule() {
    }

    /**
     * @param method the pruning to do once
     * @return a one-step schedule (add {@code .retrain(...)} to fine-tune afterwards)
     */
    public static IterativePruning oneShot(PruningMethod method) {
        return new IterativePruning(List.of(method), null, false, false);
    }

    /**
     * @param stages pruning steps, each followed by retraining
     * @return the schedule
     */
    public static IterativePruning iterative(PruningMethod... stages) {
        return new IterativePruning(Arrays.asList(stages), null, false, false);
    }

    /**
     * @param sparsities increasing total sparsities; each step prunes every layer to that sparsity by magnitude
     * @return the schedule
     */
    public static IterativePruning iterative(double... sparsities) {
        List<PruningMethod> stages = new ArrayList<>();
        for (int i = 0; i < sparsities.length; i++) {
            if (i > 0 && !(sparsities[i] > sparsities[i - 1])) {
                throw new IllegalArgumentException("iterative pruning needs increasing sparsities (pruning never restores"
                        + " weights), got " + sparsities[i] + " after " + sparsities[i - 1] + "; sort them or drop the"
                        + " repeated step");
            }
            stages.add(Pruning.magnitude(sparsities[i]));
        }
        return new IterativePruning(stages, null, false, false);
    }

    /**
     * A final sparsity reached in {@code steps} steps of a method, the kept fraction shrinking geometrically:
     * {@code Schedule.iterative(Pruning::global, 0.923, 4)} prunes to 52.7 %, 27.7 %, 14.6 % and 7.7 % kept.
     *
     * @param method        the pruning method at a total sparsity, e.g. {@code Pruning::global} or
     *                      {@code Pruning::magnitude}
     * @param finalSparsity the sparsity after the last step
     * @param steps         number of prune → retrain steps
     * @return the schedule
     */
    public static IterativePruning iterative(Function<Double, PruningMethod> method, double finalSparsity, int steps) {
        Amount.toSparsity(finalSparsity);
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        List<PruningMethod> stages = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            stages.add(method.apply(s == steps ? finalSparsity : 1 - Math.pow(1 - finalSparsity, (double) s / steps)));
        }
        return new IterativePruning(stages, null, false, false);
    }

    /**
     * Per-layer final sparsities reached in {@code steps} steps, the kept fraction shrinking geometrically
     * (each step keeps the same fraction of what the previous one kept, so early steps remove the most).
     *
     * @param finalSparsity final sparsity per layer name (layers not named are not pruned)
     * @param steps         number of prune → retrain steps
     * @return the schedule
     */
    public static IterativePruning iterative(Map<String, Double> finalSparsity, int steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        List<PruningMethod> stages = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            Map<String, Double> targets = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : new java.util.TreeMap<>(finalSparsity).entrySet()) {
                Amount.toSparsity(e.getValue());
                double kept = Math.pow(1 - e.getValue(), (double) s / steps);
                targets.put(e.getKey(), s == steps ? e.getValue() : 1 - kept);
            }
            stages.add(Pruning.magnitude(targets));
        }
        return new IterativePruning(stages, null, false, false);
    }

    /**
     * @param finalSparsity the sparsity s_f to reach
     * @return Zhu &amp; Gupta's gradual schedule from 0, starting at step 1, every 100 steps, 10 times
     *     (change with {@code from, begin, every, times, method})
     */
    public static GradualPruning gradual(double finalSparsity) {
        return new GradualPruning(0, finalSparsity, 1, 100, 10, Pruning::magnitude);
    }
}
