package org.prune4j.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prune4j.data.ImageDataset;
import org.prune4j.data.Mnist;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;
import org.prune4j.nn.Training;

import tech.tablesaw.api.Table;

/** Schedules, sweeps and sensitivity on a small real MNIST subset. */
class SchedulesTest {
    static ImageDataset small;
    static Network trained;

    @BeforeAll
    static void train() {
        ImageDataset mnist = Mnist.load();
        small = new ImageDataset("MNIST subset", mnist.train().first(4000), mnist.test().first(1000), mnist.classNames());
        trained = Networks.lenet300100(42);
        trained.fit(small, Training.sgd(0.05).momentum(0.9).epochs(3).batch(32).quiet());
    }

    @Test
    void gradualScheduleFollowsZhuAndGupta() {
        GradualPruning g = Schedule.gradual(0.9).from(0.1).begin(10).every(5).times(4);
        assertEquals(0.1, g.sparsityAt(1), 1e-12);
        assertEquals(0.1, g.sparsityAt(10), 1e-12);
        assertEquals(0.5625, g.sparsityAt(15), 1e-12); // 0.9 - 0.8 x (3/4)^3
        assertEquals(0.9, g.sparsityAt(30), 1e-12);
        assertEquals(0.9, g.sparsityAt(1000), 1e-12);
        assertEquals(30, g.end());
        assertThrows(IllegalArgumentException.class, () -> Schedule.gradual(0.5).from(0.9),
                "pruning never restores weights: a schedule cannot go down");
        assertThrows(IllegalArgumentException.class, () -> Schedule.gradual(0.5).begin(0), "steps count from 1");
    }

    @Test
    void gradualPruningReachesTargetWhileTraining() {
        PruningRun run = Schedule.gradual(0.8).begin(1).every(20).times(5)
                .run(trained, small, Training.sgd(0.02).momentum(0.9).epochs(1).batch(32).quiet());
        Table events = run.steps();
        assertEquals(6, events.rowCount());
        // 0.8 (1 - (1 - k/5)^3) for k = 0..5, every 20 steps from step 1
        double[] targets = {0, 0.3904, 0.6272, 0.7488, 0.7936, 0.8};
        for (int k = 0; k < 6; k++) {
            assertEquals(1 + 20L * k, events.longColumn("step").get(k), "step of pruning event " + k);
            assertEquals(targets[k], events.doubleColumn("target_sparsity").get(k), 1e-12, "target at event " + k);
            assertEquals(1 - targets[k], events.doubleColumn("kept").get(k), 0.001, "kept after event " + k);
        }
        assertEquals(0.2, run.kept(), 0.001);
        assertEquals(0.2, (double) run.pruned().nonZeroWeights() / run.pruned().weightCount(), 0.001,
                "pruned: the network right after the last pruning");
        assertFalse(java.util.Arrays.equals(run.pruned().layer(0).weightArray(), run.network().layer(0).weightArray()),
                "the steps after the last pruning retrain the kept weights");
        assertTrue(run.histories().get(0).last().testAccuracy() > 0.85, "accuracy held: " + run.histories().get(0).last());
        assertEquals(trained.nonZeroWeights(), trained.weightCount(), "the trained network is untouched");
        // the run's history records the schedule (a Checkpoint of it matches only the same schedule)
        assertTrue(run.histories().get(0).recipe().contains("gradual pruning from 0.0 to 0.8"),
                run.histories().get(0).recipe());
        assertThrows(IllegalArgumentException.class, () -> Schedule.gradual(0.8).every(1000).times(100)
                .run(trained, small, Training.sgd(0.02).epochs(1).quiet()));
    }

    @Test
    void iterativePruningRetrainsAndKeepsMasks() {
        PruningRun run = Schedule.iterative(Map.of("fc1", 0.9, "fc2", 0.8, "fc3", 0.5), 3)
                .retrain(Training.sgd(0.01).momentum(0.9).l2(1e-4).epochs(1).batch(32).quiet())
                .quiet()
                .run(trained, small);
        Table steps = run.steps();
        assertEquals(3, steps.rowCount());
        assertEquals(0.1, steps.doubleColumn("kept_fc1").get(2), 1e-4);
        assertEquals(0.2, steps.doubleColumn("kept_fc2").get(2), 1e-4);
        assertEquals(0.5, steps.doubleColumn("kept_fc3").get(2), 1e-3);
        double keptFc1Step1 = steps.doubleColumn("kept_fc1").get(0);
        assertEquals(Math.pow(0.1, 1.0 / 3), keptFc1Step1, 1e-3, "geometric: the first step keeps cube root of 10 %");
        for (DenseLayer layer : run.network().layers()) {
            assertTrue(layer.hasMask());
        }
        assertTrue(steps.doubleColumn("accuracy_retrained").get(2) >= steps.doubleColumn("accuracy_pruned").get(2) - 0.01);
        assertEquals(run.network().nonZeroWeights(), run.pruned().nonZeroWeights(), "retraining held the masks");
        assertEquals(trained.weightCount(), run.before().nonZeroWeights());
    }

    @Test
    void aPrunedNetworkIsReusedOnlyForTheSameScheduleFromTheSameNetwork(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path tmp) {
        Training retrain = Training.sgd(0.01).momentum(0.9).epochs(1).batch(32).quiet();
        IterativePruning schedule = Schedule.iterative(Pruning::global, 0.8, 2).retrain(retrain).quiet();
        String recipe = schedule.recipe(trained, small);
        assertEquals(recipe, schedule.recipe(trained.copy(), small), "the same schedule from the same network");
        assertTrue(recipe.contains("global magnitude pruning") && recipe.contains("data MNIST train (first 4000)"), recipe);
        Network other = trained.copy();
        other.layer("fc3").weights().putScalar(0, 0, 0.5f);
        assertFalse(recipe.equals(schedule.recipe(other, small)), "another starting network");
        assertFalse(recipe.equals(Schedule.iterative(Pruning::global, 0.9, 2).retrain(retrain).recipe(trained, small)),
                "another schedule");
        assertFalse(recipe.equals(schedule.retrain(retrain.epochs(2)).recipe(trained, small)), "another retraining");
        assertFalse(recipe.equals(Schedule.iterative(Pruning::global, 0.8, 2).recipe(trained, small)), "no retraining");
        // a step that cannot describe itself has no stable recipe: named, not silently re-pruned every time
        PruningMethod anonymous = new PruningMethod() {
            private final PruningMethod inner = Pruning.global(0.5);

            @Override
            public String name() {
                return "mine";
            }

            @Override
            public PruningMethod onLayers(String... layerNames) {
                return this;
            }

            @Override
            public java.util.List<String> selectedLayers(Network network) {
                return inner.selectedLayers(network);
            }

            @Override
            public java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> masks(Network network) {
                return inner.masks(network);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.iterative(anonymous).recipe(trained, small));
        assertTrue(e.getMessage().contains("'mine'") && e.getMessage().contains("toString"), e.getMessage());

        // kept with its recipe, the pruned network is loaded back for it and made again for another
        org.prune4j.nn.Checkpoint kept = org.prune4j.nn.Checkpoint.at(tmp.resolve("pruned.p4j").toString());
        Network pruned = schedule.run(trained, small).network();
        kept.save(pruned, recipe);
        Network loaded = kept.loadOr(recipe, () -> {
            throw new AssertionError("the same recipe must load the kept network");
        });
        assertEquals(pruned.nonZeroWeights(), loaded.nonZeroWeights());
        int[] made = {0};
        kept.loadOr(schedule.recipe(other, small), () -> {
            made[0]++;
            return schedule.run(other, small).network();
        });
        assertEquals(1, made[0], "pruned again from the changed network");
    }

    @Test
    void notebookThreesScheduleIsHanRecipes() {
        // notebook 3 spells the schedule out and keeps its network under its recipe; notebook 4 asks for
        // HanRecipe.schedule(3, 6, 42): the same recipe, or notebook 4 would prune again every time
        Training retrain = Training.sgd(0.05).momentum(0.9).l2(5e-4).batch(128).epochs(6).seed(42)
                .schedule(org.prune4j.nn.LearningRate.cosine());
        assertEquals(Schedule.iterative(Pruning::global, 0.923, 3).retrain(retrain).recipe(trained, small),
                HanRecipe.schedule(3, 6, 42).recipe(trained, small));
    }

    @Test
    void iterativeGlobalScheduleShrinksKeptFractionGeometrically() {
        IterativePruning schedule = Schedule.iterative(Pruning::global, 0.875, 3);
        assertEquals(3, schedule.stages().size());
        PruningRun run = schedule.quiet().run(trained, small);
        Table steps = run.steps();
        assertEquals(0.5, steps.doubleColumn("kept").get(0), 1e-4);
        assertEquals(0.25, steps.doubleColumn("kept").get(1), 1e-4);
        assertEquals(0.125, steps.doubleColumn("kept").get(2), 1e-4);
        assertTrue(steps.doubleColumn("kept_fc3").get(2) > steps.doubleColumn("kept_fc1").get(2),
                "one threshold leaves the small output layer denser: " + steps.printAll());
        assertTrue(run.histories().isEmpty(), "no retraining asked for");
    }

    @Test
    void dropoutIsRescaledByHansRule() {
        Network net = trained.copy();
        net.layer("fc2").setDropout(0.5);
        PruningRun run = Schedule.oneShot(Pruning.magnitude(0.75)).rescaleDropout().quiet().run(net, small);
        assertEquals(0.5 * Math.sqrt(0.25), run.network().layer("fc2").dropout(), 1e-4);
        assertEquals(0, run.network().layer("fc1").dropout());
        // a second run from that network (rate 0.25 at 25 % kept) to 10 % kept: Han's 0.5 * sqrt(0.10), not the
        // second run's start rate rescaled for the connections lost before it
        PruningRun more = Schedule.oneShot(Pruning.magnitude(0.9)).rescaleDropout().quiet().run(run.network(), small);
        assertEquals(0.5 * Math.sqrt(0.10), more.network().layer("fc2").dropout(), 1e-3);
    }

    @Test
    void sweepShowsWeightPruningHoldsLongerThanUnitPruning() {
        Table sweep = Sweep.oneShot(trained, small.test()).levels(0, 0.5, 0.9).run();
        assertEquals(6, sweep.rowCount());
        assertEquals("weight", sweep.stringColumn("series").get(0));
        assertEquals("unit", sweep.stringColumn("series").get(3));
        double base = sweep.doubleColumn("accuracy").get(0);
        assertEquals(base, sweep.doubleColumn("accuracy").get(3), 1e-12, "level 0 is the unpruned network for both");
        assertEquals(0.9, sweep.doubleColumn("weight_sparsity").get(2), 1e-3);
        assertTrue(sweep.doubleColumn("accuracy").get(2) > sweep.doubleColumn("accuracy").get(5),
                "at 90 %, weight pruning beats unit pruning: " + sweep.printAll());
        Table labelled = Sweep.oneShot(trained, small.test()).levels(0.5).label("L2").run();
        assertEquals("weight, L2", labelled.stringColumn("series").get(0));
    }

    @Test
    void sensitivityPrunesOneLayerAtATime() {
        assertThrows(IllegalArgumentException.class, () -> Sensitivity.of(trained, small.test()).levels());
        Table t = Sensitivity.of(trained, small.test()).levels(0, 0.99).run();
        assertEquals(6, t.rowCount());
        assertEquals("fc1", t.stringColumn("layer").get(0));
        double unpruned = trained.evaluate(small.test()).accuracy();
        for (int level0 : new int[] {0, 2, 4}) {
            assertEquals(unpruned, t.doubleColumn("accuracy").get(level0), 1e-12, "level 0 prunes nothing");
        }
        assertTrue(t.doubleColumn("accuracy").get(5) < t.doubleColumn("accuracy").get(4),
                "pruning 99 % of fc3 hurts: " + t.printAll());
    }

    @Test
    void schedulesThatCannotRunAsWrittenAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.iterative(0.9, 0.5));
        assertTrue(e.getMessage().contains("increasing sparsities"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedule.iterative(0.5, 0.5));
        e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.gradual(0.5).every(Long.MAX_VALUE / 2).times(4));
        assertTrue(e.getMessage().contains("past the last step"), e.getMessage());
        assertEquals(2, Schedule.iterative(0.5, 0.8).stages().size(), "increasing sparsities are fine");
    }
}
