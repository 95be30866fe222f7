package org.prune4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.prune4j.data.ImageDataset;
import org.prune4j.data.Mnist;
import org.prune4j.nn.Backend;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Evaluation;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;
import org.prune4j.nn.Training;
import org.prune4j.prune.HanRecipe;
import org.prune4j.prune.IterativePruning;
import org.prune4j.prune.Pruning;
import org.prune4j.prune.PruningRun;
import org.prune4j.prune.Report;
import org.prune4j.prune.Schedule;

/**
 * Han et al.'s LeNet-300-100 walkthrough on full MNIST: train the baseline, then prune iteratively with retraining
 * to ≤ 8 % of the weights, and compare with the paper's Table 1 (error 1.64 % → 1.59 %, 12× fewer weights) and
 * Table 2 (kept fc1 8 %, fc2 9 %, fc3 26 %). Ends with {@code RESULT {json}}: {@code kept_fraction}, {@code layers},
 * {@code error_before}, {@code error_after}, {@code compression}.
 *
 * <p>By default the budget is spread by global magnitude pruning (one threshold across layers);
 * {@code --split paper} prunes each layer to the paper's split instead. {@code --quick} is a short CI run.
 * <pre>
 * java -cp "target/classes:target/lib/*" org.prune4j.bench.HanBench [--quick] [--split global|paper]
 *      [--epochs 20] [--steps 3] [--retrain 6] [--lr 0.05] [--l2 5e-4] [--seed 42] [--baseline FILE] [--save FILE]
 *      [--threads 1]
 * </pre>
 */
public final class HanBench {
    private HanBench() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Arguments a = new Arguments(args);
        boolean quick = a.flag("--quick");
        int epochs = a.integer("--epochs", quick ? 2 : 20);
        int steps = a.integer("--steps", quick ? 2 : 3);
        int retrain = a.integer("--retrain", quick ? 1 : 6);
        double lr = a.decimal("--lr", 0.05);
        double l2 = a.decimal("--l2", 5e-4);
        long seed = a.integer("--seed", 42);
        String split = a.text("--split", "global");
        String baselineFile = a.text("--baseline", null);
        String saveFile = a.text("--save", null);
        int threads = a.integer("--threads", 1);
        a.done();
        if (threads > 0) {
            Backend.threads(threads); // see TrainBench: one ND4J thread is robust on shared cores
        }
        IterativePruning stages = switch (split) {
            case "global" -> Schedule.iterative(Pruning::global, HanRecipe.FINAL_SPARSITY, steps);
            case "paper" -> Schedule.iterative(HanRecipe.PAPER_SPLIT, steps);
            default -> throw new IllegalArgumentException("--split is global or paper, not " + split);
        };
        IterativePruning schedule = stages.retrain(HanRecipe.retraining(retrain, lr, l2, seed));
        long start = System.nanoTime();
        ImageDataset mnist = Mnist.load();
        Network baseline;
        if (baselineFile != null && Files.isRegularFile(Path.of(baselineFile))) {
            baseline = Network.load(Path.of(baselineFile));
            System.out.println("Loaded baseline " + baselineFile);
        } else {
            baseline = Networks.lenet300100(seed);
            Training recipe = HanRecipe.baseline(epochs, seed);
            System.out.println("Training the baseline: " + recipe);
            baseline.fit(mnist, recipe);
            if (baselineFile != null) {
                baseline.save(Path.of(baselineFile));
            }
        }
        Evaluation before = baseline.evaluate(mnist.test());
        System.out.println("Baseline: " + before);
        System.out.println("Pruning (" + split + " split) in " + steps + " steps, retraining " + retrain + " epochs each");
        PruningRun run = schedule.run(baseline, mnist);
        Network pruned = run.network();
        Evaluation after = pruned.evaluate(mnist.test());
        if (saveFile != null) {
            pruned.save(Path.of(saveFile));
        }
        System.out.println(run.steps().printAll());
        System.out.println(Report.table1(baseline, pruned, mnist.test()).printAll());
        System.out.println(Report.besidePaper(pruned, mnist.test()).printAll());
        System.out.printf("error %.2f %% -> %.2f %% (paper: 1.64 %% -> 1.59 %%), %.2f %% of weights kept, %.1fx fewer (paper: 8 %%, 12x)%n",
                100 * before.error(), 100 * after.error(), 100 * run.kept(), run.compression());
        List<Object> layers = new ArrayList<>();
        Map<String, Double> paper = Map.of("fc1", 0.08, "fc2", 0.09, "fc3", 0.26);
        for (DenseLayer layer : pruned.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", layer.name());
            l.put("kept", (double) layer.nonZeroWeights() / layer.weightCount());
            l.put("paper_kept", paper.get(layer.name()));
            l.put("weights", layer.weightCount());
            l.put("non_zero", layer.nonZeroWeights());
            layers.add(l);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kept_fraction", run.kept());
        result.put("layers", layers);
        result.put("error_before", before.error());
        result.put("error_after", after.error());
        result.put("compression", run.compression());
        result.put("paper", Map.of("kept_fraction", 0.08, "error_before", 0.0164, "error_after", 0.0159, "compression", 12));
        result.put("split", split);
        result.put("quick", quick);
        result.put("baseline_epochs", epochs);
        result.put("steps", steps);
        result.put("retrain_epochs_per_step", retrain);
        result.put("retrain_learning_rate", lr);
        result.put("retrain_l2", l2);
        result.put("seed", seed);
        result.put("seconds", (System.nanoTime() - start) / 1e9);
        System.out.println("RESULT " + Json.write(result));
    }
}
