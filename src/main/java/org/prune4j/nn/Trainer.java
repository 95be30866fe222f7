package org.prune4j.nn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.data.LabeledImages;

/**
 * Runs mini-batch training of a {@link Network}: shuffled seeded batches, forward and backward passes with
 * preallocated buffers, masked optimizer steps, listeners, evaluation and progress.
 */
final class Trainer {
    private final Network network;
    private final Training training;
    private final List<DenseLayer> layers;
    private final Optimizer.State[] weightStates;
    private final Optimizer.State[] biasStates;
    private final INDArray[] seenMasks;
    private final INDArray[] weightGrads;
    private final INDArray[] biasGrads;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    private final SplittableRandom dropoutRandom;
    private long step;

    Trainer(Network network, Training training) {
        this.network = network;
        this.training = training;
        this.layers = network.layers();
        this.dropoutRandom = new SplittableRandom(training.seed() ^ 0x9E3779B97F4A7C15L);
        int n = layers.size();
        weightStates = new Optimizer.State[n];
        biasStates = new Optimizer.State[n];
        seenMasks = new INDArray[n];
        weightGrads = new INDArray[n];
        biasGrads = new INDArray[n];
        for (int l = 0; l < n; l++) {
            DenseLayer layer = layers.get(l);
            weightStates[l] = training.optimizer().newState(layer.weights());
            biasStates[l] = training.optimizer().newState(layer.bias());
            weightGrads[l] = Nd4j.create(DataType.FLOAT, layer.inputs(), layer.outputs());
            biasGrads[l] = Nd4j.create(DataType.FLOAT, 1, layer.outputs());
        }
    }

    /** Forward/backward buffers for one batch size. */
    private final class Buffers {
        final int rows;
        final float[] features;
        final INDArray x;
        final INDArray[] dropMask;
        final float[][] dropMaskHost;
        final INDArray[] dropped;
        final INDArray[] out;
        final INDArray[] delta;

        Buffers(int rows) {
            this.rows = rows;
            int n = layers.size();
            features = new float[rows * layers.get(0).inputs()];
            x = Nd4j.create(DataType.FLOAT, rows, layers.get(0).inputs());
            dropMask = new INDArray[n];
            dropMaskHost = new float[n][];
            dropped = new INDArray[n];
            out = new INDArray[n];
            delta = new INDArray[n];
            for (int l = 0; l < n; l++) {
                DenseLayer layer = layers.get(l);
                out[l] = Nd4j.create(DataType.FLOAT, rows, layer.outputs());
                delta[l] = Nd4j.create(DataType.FLOAT, rows, layer.outputs());
            }
        }

        INDArray input(int l) {
            return l == 0 ? x : out[l - 1];
        }
    }

    /** The history records the recipe with the training split's name, as {@link Checkpoint} matches it. */
    History run(LabeledImages train, LabeledImages test) {
        network.checkCompatible(train);
        if (test != null) {
            network.checkCompatible(test);
        }
        History history = new History(Checkpoint.recipe(network, train.name(), train.size(), test == null ? 0 : test.size(),
                training));
        int n = train.size();
        int batch = Math.min(training.batch(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        int[] labels = train.labels();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom shuffler = new SplittableRandom(training.seed());
        int epochs = training.epochs();
        Progress progress = training.progress();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double lr = training.schedule().at(training.optimizer().learningRate(), epoch - 1, epochs);
            progress.epochStarted(epoch, epochs);
            shuffle(order, shuffler);
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            for (int s = 0; s < stepsPerEpoch; s++) {
                int from = s * batch;
                int rows = Math.min(batch, n - from);
                Buffers b = buffers.computeIfAbsent(rows, Buffers::new);
                train.copyFeatures(order, from, rows, b.features);
                double[] lossAndCorrect = gradients(b, labels, order, from);
                if (!Double.isFinite(lossAndCorrect[0])) {
                    // stop before the update: NaN gradients would reach even masked weights (NaN times 0 is NaN)
                    throw new IllegalStateException("training diverged at epoch " + epoch + ", step " + (s + 1)
                            + " of " + stepsPerEpoch + ": the batch loss is " + lossAndCorrect[0] + " (learning rate "
                            + lr + "); the network holds what the steps before left, likely not finite. Start again"
                            + " from a fresh or saved network with a lower learning rate");
                }
                lossSum += lossAndCorrect[0];
                correct += (long) lossAndCorrect[1];
                update(lr);
                step++;
                progress.stepDone(s + 1, stepsPerEpoch);
                if (!training.listeners().isEmpty()) {
                    TrainingListener.Step event = new TrainingListener.Step(network, epoch, step, s + 1, stepsPerEpoch,
                            lossAndCorrect[0] / rows);
                    for (TrainingListener listener : training.listeners()) {
                        listener.onStep(event);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation eval = test == null ? null : network.evaluate(test);
            EpochStats stats = new EpochStats(epoch, lossSum / n, (double) correct / n,
                    eval == null ? Double.NaN : eval.accuracy(), eval == null ? Double.NaN : eval.loss(), seconds, lr);
            history.add(stats);
            progress.epochDone(stats, epochs);
            for (TrainingListener listener : training.listeners()) {
                listener.onEpoch(stats);
            }
        }
        return history;
    }

    /**
     * Forward and backward pass for the batch whose features are in {@code b.features}; leaves the gradients of
     * the mean loss in {@link #weightGrads} and {@link #biasGrads}.
     *
     * @return {@code {sum of losses, number correct}}
     */
    private double[] gradients(Buffers b, int[] labels, int[] labelIndex, int offset) {
        HostCopy.fill(b.x, b.features);
        forward(b);
        int last = layers.size() - 1;
        float[] logits = HostCopy.toFloats(b.out[last]);
        double[] lossAndCorrect = SoftmaxCrossEntropy.apply(logits, labels, labelIndex, offset, b.rows,
                layers.get(last).outputs(), true);
        HostCopy.fill(b.delta[last], logits);
        backward(b);
        return lossAndCorrect;
    }

    /**
     * Gradients of the mean loss over one batch, without any update (for gradient checks).
     *
     * @param features {@code rows × inputs} features, row-major
     * @param labels   one label per row
     * @return the mean loss; gradients via {@link #weightGradient(int)} and {@link #biasGradient(int)}
     */
    double gradients(float[] features, int[] labels) {
        Buffers b = buffers.computeIfAbsent(labels.length, Buffers::new);
        System.arraycopy(features, 0, b.features, 0, b.features.length);
        return gradients(b, labels, null, 0)[0] / labels.length;
    }

    INDArray weightGradient(int layer) {
        return weightGrads[layer];
    }

    INDArray biasGradient(int layer) {
        return biasGrads[layer];
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void forward(Buffers b) {
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            INDArray input = b.input(l);
            double rate = layer.dropout();
            if (rate > 0) {
                if (b.dropMask[l] == null) {
                    b.dropMask[l] = Nd4j.create(DataType.FLOAT, b.rows, layer.inputs());
                    b.dropped[l] = Nd4j.create(DataType.FLOAT, b.rows, layer.inputs());
                }
                fillDropoutMask(b, l, 1 - rate);
                input.mul(b.dropMask[l], b.dropped[l]);
                input = b.dropped[l];
            }
            INDArray z = b.out[l];
            Nd4j.gemm(input, layer.weights(), z, false, false, 1.0, 0.0);
            z.addiRowVector(layer.bias());
            layer.activation().forwardInPlace(z);
        }
    }

    /**
     * Inverted dropout: each entry is {@code 1/keep} with probability {@code keep}, else 0, so nothing needs
     * rescaling at test time. Drawn in Java from the run's seed (ND4J's Bernoulli op was ~3x slower per epoch).
     */
    private void fillDropoutMask(Buffers b, int layer, double keep) {
        float[] mask = b.dropMaskHost[layer];
        if (mask == null) {
            mask = new float[b.rows * layers.get(layer).inputs()];
            b.dropMaskHost[layer] = mask;
        }
        float scale = (float) (1 / keep);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = dropoutRandom.nextDouble() < keep ? scale : 0f;
        }
        HostCopy.fill(b.dropMask[layer], mask);
    }

    private void backward(Buffers b) {
        for (int l = layers.size() - 1; l >= 0; l--) {
            DenseLayer layer = layers.get(l);
            boolean dropped = layer.dropout() > 0;
            INDArray input = dropped ? b.dropped[l] : b.input(l);
            INDArray delta = b.delta[l];
            Nd4j.gemm(input, delta, weightGrads[l], true, false, 1.0, 0.0);
            delta.sum(biasGrads[l], 0);
            if (l > 0) {
                INDArray below = b.delta[l - 1];
                Nd4j.gemm(delta, layer.weights(), below, false, true, 1.0, 0.0);
                if (dropped) {
                    below.muli(b.dropMask[l]);
                }
                layers.get(l - 1).activation().backwardInPlace(below, b.out[l - 1]);
            }
        }
    }

    private void update(double lr) {
        double l2 = training.l2();
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            INDArray mask = layer.liveMask();
            if (mask != seenMasks[l]) {
                // A new mask (pruning happened): momentum/moments of pruned weights must not move them back.
                if (mask != null) {
                    weightStates[l].mask(mask);
                }
                seenMasks[l] = mask;
            }
            INDArray gw = weightGrads[l];
            INDArray gb = biasGrads[l];
            if (l2 > 0) {
                Nd4j.getBlasWrapper().level1().axpy(gw.length(), l2, layer.weights(), gw);
                Nd4j.getBlasWrapper().level1().axpy(gb.length(), l2, layer.bias(), gb);
            }
            if (mask != null) {
                gw.muli(mask);
            }
            weightStates[l].update(layer.weights(), gw, lr, step + 1);
            biasStates[l].update(layer.bias(), gb, lr, step + 1);
            if (mask != null) {
                // SGD and Adam already leave pruned weights at exactly zero (their gradient and state are masked);
                // this also holds the mask against any other Optimizer implementation
                layer.weights().muli(mask);
            }
        }
    }
}
