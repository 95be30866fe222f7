package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.data.ImageDataset;
import org.prune4j.data.LabeledImages;
import org.prune4j.data.Mnist;

/** Short real training runs on MNIST subsets. */
class TrainingTest {
    static ImageDataset mnist;
    static LabeledImages small;
    static LabeledImages smallTest;

    @BeforeAll
    static void load() {
        mnist = Mnist.load();
        small = mnist.train().first(3000);
        smallTest = mnist.test().first(1000);
    }

    @Test
    void shortTrainingLearns() {
        Network net = Networks.lenet300100(1);
        double before = net.evaluate(smallTest).accuracy();
        History h = net.fit(small, smallTest, Training.sgd(0.05).momentum(0.9).epochs(3).batch(64).quiet());
        assertEquals(3, h.epochs().size());
        assertTrue(before < 0.3, "untrained accuracy is near chance: " + before);
        assertTrue(h.last().testAccuracy() > 0.85, "after 3 epochs on 3000 images: " + h.last());
        assertTrue(h.epochs().get(2).loss() < h.epochs().get(0).loss(), "loss falls");
        assertEquals(h.last().testAccuracy(), net.evaluate(smallTest).accuracy(), 1e-12);
        assertEquals(7, h.table().columnCount());
    }

    /**
     * One SGD step, worked out by hand: input 0, so the loss gradient reaches the bias only (softmax [0.5, 0.5]
     * minus the one-hot label [1, 0]); L2 adds 0.5 W to the weights' gradient. W = [2, -4] - 0.1 (0.5 W) =
     * [1.9, -3.8]; b = 0 - 0.1 [-0.5, 0.5] = [0.05, -0.05]. The rate recorded is the schedule's, cosine at epoch 0.
     */
    @Test
    void oneStepOfWeightDecayByHand() {
        DenseLayer layer = new DenseLayer("fc1", Nd4j.createFromArray(new float[][] {{2, -4}}),
                Nd4j.zeros(DataType.FLOAT, 1, 2), Activation.IDENTITY);
        Network net = new Network("one", List.of(layer));
        LabeledImages one = new LabeledImages("one", new byte[] {0}, new byte[] {0}, 1, 1, 2);
        History h = net.fit(one, null, Training.sgd(0.1).l2(0.5).batch(1).epochs(1).seed(1)
                .schedule(LearningRate.cosine()).quiet());
        assertArrayEquals(new float[] {1.9f, -3.8f}, net.layer(0).weightArray(), 1e-6f);
        assertArrayEquals(new float[] {0.05f, -0.05f}, net.layer(0).biasArray(), 1e-6f);
        assertEquals(0.1, h.epochs().get(0).learningRate(), 1e-12);
    }

    /** 4,500 examples: evaluated in chunks of 2,000 (two full, one of 500), as one pass would. */
    @Test
    void evaluationInChunksEqualsOnePass() {
        LabeledImages data = mnist.test().first(4500);
        Network net = Networks.lenet300100(11);
        int[] predicted = net.predict(data.features());
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        Evaluation e = net.evaluate(data);
        assertEquals(4500, e.count());
        assertEquals((double) correct / 4500, e.accuracy(), 0);
        // all weights and biases zero: every logit 0, so the loss of every example is ln 10
        for (DenseLayer layer : net.layers()) {
            layer.weights().assign(0);
            layer.bias().assign(0);
        }
        assertEquals(Math.log(10), net.evaluate(data).loss(), 1e-6);
    }

    /**
     * Inverted dropout by hand. Input 1, label 0, W = b = 0: the logits' gradient is [-0.5, 0.5], so one SGD step at
     * rate 0.1 gives W = -0.1 x mean(m) x [-0.5, 0.5] where m is the dropout mask of each example, 0 or 1/keep = 2.
     * One example: W is [0.1, -0.1] or [0, 0], nothing else. 2,000 examples in one batch: mean(m) is 1 within
     * 0.1 (standard deviation 0.022), where a mask without the 1/keep scaling would give 0.5.
     */
    @Test
    void dropoutMasksAreZeroOrOneOverKeepAndAverageOne() {
        for (int n : new int[] {1, 2000}) {
            DenseLayer layer = new DenseLayer("fc1", Nd4j.zeros(DataType.FLOAT, 1, 2), Nd4j.zeros(DataType.FLOAT, 1, 2),
                    Activation.IDENTITY).setDropout(0.5);
            Network net = new Network("one", List.of(layer));
            byte[] pixels = new byte[n];
            java.util.Arrays.fill(pixels, (byte) 255);
            net.fit(new LabeledImages("ones", pixels, new byte[n], 1, 1, 2), null,
                    Training.sgd(0.1).batch(n).epochs(1).seed(3).quiet());
            float[] w = net.layer(0).weightArray();
            assertEquals(-w[0], w[1], 1e-6f);
            // float sums over 2,000 examples: 1e-5
            assertArrayEquals(new float[] {0.05f, -0.05f}, net.layer(0).biasArray(), 1e-5f, "the bias sees no dropout");
            double meanMask = w[0] / 0.05;
            if (n == 1) {
                assertTrue(meanMask == 0 || Math.abs(meanMask - 2) < 1e-5, "one example's mask is 0 or 2: " + meanMask);
            } else {
                assertEquals(1, meanMask, 0.1, "kept inputs are scaled by 1/keep");
            }
        }
    }

    @Test
    void sameSeedSameWeights() {
        Training t = Training.sgd(0.05).momentum(0.9).l2(1e-4).epochs(1).batch(100).seed(5).quiet();
        Network a = Networks.lenet300100(3);
        Network b = Networks.lenet300100(3);
        a.fit(small, null, t);
        b.fit(small, null, t);
        assertArrayEquals(a.layer(0).weightArray(), b.layer(0).weightArray());
        assertArrayEquals(a.layer(2).biasArray(), b.layer(2).biasArray());
    }

    private static INDArray randomMask(DenseLayer layer, double keep, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] m = new float[(int) layer.weightCount()];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextDouble() < keep ? 1f : 0f;
        }
        return Nd4j.create(m, new long[] {layer.inputs(), layer.outputs()}, DataType.FLOAT);
    }

    private static void assertMaskHeld(Network net, List<INDArray> masks, String what) {
        for (int l = 0; l < masks.size(); l++) {
            float[] w = net.layer(l).weightArray();
            float[] m = masks.get(l).data().asFloat();
            int resurrected = 0;
            for (int i = 0; i < w.length; i++) {
                if (m[i] == 0f && w[i] != 0f) {
                    resurrected++;
                }
            }
            assertEquals(0, resurrected, what + ": layer " + l + " pruned weights that came back");
        }
    }

    @Test
    void masksHoldThroughSgdMomentumL2AndAdam() {
        for (Training t : List.of(Training.sgd(0.05).momentum(0.9).l2(5e-4), Training.adam(1e-3).l2(1e-4))) {
            Network net = Networks.lenet300100(11);
            // train first so momentum / moments are non-zero everywhere, then prune mid-run
            List<INDArray> masks = new ArrayList<>();
            TrainingListener pruneAtStep20 = new TrainingListener() {
                @Override
                public void onStep(Step step) {
                    if (step.step() == 20) {
                        for (DenseLayer layer : step.network().layers()) {
                            INDArray mask = randomMask(layer, 0.3, layer.name().hashCode());
                            masks.add(mask);
                            layer.setMask(mask);
                        }
                    }
                }
            };
            net.fit(small, null, t.epochs(3).batch(64).listener(pruneAtStep20).quiet());
            assertEquals(3, masks.size());
            assertMaskHeld(net, masks, t.toString());
            assertTrue(net.nonZeroWeights() < 0.31 * net.weightCount());
            assertTrue(net.nonZeroWeights() > 0.29 * net.weightCount(), "unmasked weights still train");
        }
    }

    @Test
    void dropoutChangesTrainingButNotInference() {
        Network net = Networks.lenet300100(2);
        INDArray x = small.features(0, 5);
        INDArray before = net.output(x);
        net.layer(1).setDropout(0.5);
        assertEquals(before, net.output(x), "inference ignores dropout");
        Network without = Networks.lenet300100(2);
        Training recipe = Training.sgd(0.05).momentum(0.9).epochs(3).batch(32).quiet();
        History h = net.fit(small, smallTest, recipe);
        assertTrue(h.last().testAccuracy() > 0.8, "still learns with dropout (chance is 0.1): " + h.last());
        without.fit(small, smallTest, recipe);
        assertFalse(java.util.Arrays.equals(without.layer(1).weightArray(), net.layer(1).weightArray()),
                "the same seed and recipe train other weights when dropout acts in training");
        assertThrows(IllegalArgumentException.class, () -> net.layer(0).setDropout(1.0));
    }

    @Test
    void listenersSeeEveryStepAndEpoch() {
        int[] steps = {0};
        int[] epochs = {0};
        Network net = Networks.mlp("m", 1, 784, 20, 10);
        net.fit(small, null, Training.sgd(0.1).epochs(2).batch(1000).quiet().listener(new TrainingListener() {
            @Override
            public void onStep(Step step) {
                steps[0]++;
                assertEquals(3, step.stepsPerEpoch());
            }

            @Override
            public void onEpoch(EpochStats epoch) {
                epochs[0]++;
            }
        }));
        assertEquals(6, steps[0]);
        assertEquals(2, epochs[0]);
    }

    @Test
    void incompatibleDataIsRejected() {
        Network net = Networks.mlp("m", 1, 100, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.evaluate(smallTest));
        assertTrue(e.getMessage().contains("784"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Networks.lenet300100(1).layer("fc9"));
        Network lenet = Networks.lenet300100(1);
        LabeledImages empty = new LabeledImages("empty", new byte[0], new byte[0], 28, 28, 10);
        e = assertThrows(IllegalArgumentException.class, () -> lenet.evaluate(empty));
        assertTrue(e.getMessage().contains("empty holds no examples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lenet.fit(empty, null, Training.sgd(0.1).quiet()));
        assertThrows(IllegalArgumentException.class, () -> org.prune4j.prune.Report.of(net, smallTest));
    }

    @Test
    void aDivergedTrainingStopsByName() {
        // an infinite weight (what too high a rate leaves) makes the batch loss NaN: training stops before an update
        // could spread NaN into the masked weights
        Network net = Networks.mlp("m", 1, 784, 16, 10);
        org.prune4j.prune.Pruning.magnitude(0.5).apply(net);
        net.layer(1).weights().putScalar(3, 4, Float.POSITIVE_INFINITY);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.fit(small.first(256), null, Training.sgd(0.1).epochs(1).batch(64).quiet()));
        assertTrue(e.getMessage().contains("training diverged at epoch 1, step 1 of 4")
                && e.getMessage().contains("lower learning rate"), e.getMessage());
        float[] w = net.layer(0).weightArray();
        float[] mask = net.layer(0).mask().orElseThrow().data().asFloat();
        for (int i = 0; i < w.length; i++) {
            if (mask[i] == 0f) {
                assertEquals(0f, w[i], "masked weight " + i + " untouched");
            }
        }
    }

    @Test
    void nonFiniteInputIsRejectedByName() {
        Network net = Networks.lenet300100(1);
        float[] x = new float[2 * 784];
        x[784 + 5] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.output(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {2, 784})));
        assertTrue(e.getMessage().contains("NaN at row 1, column 5"), e.getMessage());
        x[784 + 5] = Float.NEGATIVE_INFINITY;
        assertThrows(IllegalArgumentException.class,
                () -> net.output(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {2, 784})));
        x[784 + 5] = 3e38f;
        x[784 + 6] = 3e38f; // the sum overflows, but every value is finite
        assertEquals(2, net.output(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {2, 784})).rows());
    }

    @Test
    void progressPrintsOneLinePerEpoch() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true);
        Networks.mlp("m", 1, 784, 20, 10).fit(small, smallTest, Training.sgd(0.1).epochs(2).batch(100)
                .progress(Progress.printingTo(() -> out)));
        String[] lines = bytes.toString().strip().split("\n");
        assertEquals(2, lines.length, bytes.toString());
        assertTrue(lines[1].matches("epoch 2/2 \\.{10} loss \\d\\.\\d{4}  train .* %  test .* %  \\d+\\.\\d s"), lines[1]);
    }
}
