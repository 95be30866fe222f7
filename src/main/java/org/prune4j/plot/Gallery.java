package org.prune4j.plot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.prune4j.bench.Timing;
import org.prune4j.data.ImageDataset;
import org.prune4j.data.Mnist;
import org.prune4j.nn.History;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;
import org.prune4j.nn.Training;
import org.prune4j.prune.HanRecipe;
import org.prune4j.prune.Pruning;
import org.prune4j.prune.PruningRun;
import org.prune4j.prune.Report;
import org.prune4j.prune.Sensitivity;
import org.prune4j.prune.Sweep;

import tech.tablesaw.api.Table;

/**
 * Regenerates the README's example charts from a short, real run: LeNet-300-100 trained on MNIST, pruned
 * iteratively with retraining (the walkthrough's global schedule to 7.7 %), swept one-shot by weight and unit
 * pruning, probed layer by layer, and fc1 timed dense vs sparse vs shrunk. Writes PNGs into {@code notebooks/gallery/} (or the folder given), then times each chart
 * call on the 266,200-weight network after warm-up and prints one {@code CHART_MS} line per chart (median of 5).
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java --add-modules jdk.incubator.vector -Djava.awt.headless=true -cp "target/classes:target/lib/*" \
 *      org.prune4j.plot.Gallery [folder] [--epochs N]
 * </pre>
 * About 2 to 4 minutes on two cores. The run is seeded, so the charts change only when the code does.
 */
public final class Gallery {
    private Gallery() {
    }

    /**
     * @param args optional output folder (default {@code notebooks/gallery}) and {@code --epochs N} (default 4)
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int epochs = 4;
        Path out = Path.of("notebooks", "gallery");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--epochs") && i + 1 < args.length) {
                epochs = Integer.parseInt(args[++i]);
            } else {
                out = Path.of(args[i]);
            }
        }
        ImageDataset mnist = Mnist.load();
        Network net = Networks.lenet300100(42);
        Training training = HanRecipe.baseline(epochs, 42).quiet();
        System.out.println("training " + net.name() + " for " + epochs + " epochs");
        History history = net.fit(mnist, training);
        System.out.printf(Locale.ROOT, "test accuracy %.4f%n", history.last().testAccuracy());

        // the walkthrough's schedule (global magnitude pruning to 7.7 % in three steps), one retraining epoch per step
        PruningRun run = HanRecipe.schedule(3, 1, 42).quiet().run(net, mnist);
        System.out.println("pruned: " + run.network());

        Table sweep = Sweep.oneShot(net, mnist.test())
                .methods(Pruning::magnitude, Pruning::units)
                .levels(0, .25, .5, .6, .7, .8, .9, .95, .97, .99)
                .run();
        Table sensitivity = Sensitivity.of(net, mnist.test()).run();
        Table timing = Timing.of(net.layer("fc1")).sparsities(.5, .7, .8, .9, .95, .99).batches(1, 32, 256).run();

        save(out, "training.png", Charts.training(history));
        save(out, "weights-before-after-retraining.png", Charts.weights(run));
        save(out, "weights-fc1-log.png", Charts.weights(run.before().layer(0), run.pruned().layer(0),
                run.network().layer(0)).logCounts());
        save(out, "kept-per-layer.png", Charts.kept(run.network()).and("Han et al. 2015", Report.hanLenet300100()));
        save(out, "input-mask.png", Charts.inputMask(run.network().layer(0)));
        save(out, "weights-fc3-heatmap.png", Charts.heatMap(run.network().layer(2)));
        save(out, "accuracy-vs-sparsity.png", Charts.accuracyVsSparsity(sweep));
        save(out, "sensitivity.png", Charts.sensitivity(sensitivity));
        save(out, "timing-fc1.png", Charts.timing(timing));

        time("weights(net)", () -> Charts.weights(net));
        time("weights(run)", () -> Charts.weights(run));
        time("kept(net)", () -> Charts.kept(run.network()));
        time("inputMask(fc1)", () -> Charts.inputMask(run.network().layer(0)));
        time("heatMap(fc1)", () -> Charts.heatMap(run.network().layer(0)));
        time("accuracyVsSparsity", () -> Charts.accuracyVsSparsity(sweep));
        time("training", () -> Charts.training(history));
    }

    private static void save(Path folder, String name, Plot plot) {
        System.out.println("wrote " + plot.save(folder.resolve(name)) + " (" + plot.width() + " x " + plot.height()
                + ")");
    }

    /** Median of 5 calls after 3 warm-up calls: what a notebook user waits for once the JIT has warmed up. */
    private static void time(String name, Supplier<Plot> chart) {
        for (int i = 0; i < 3; i++) {
            chart.get();
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            chart.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "CHART_MS %-20s median %6.1f  max %6.1f%n", name, ms[2], ms[4]);
    }
}
