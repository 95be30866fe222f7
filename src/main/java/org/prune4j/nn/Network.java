package org.prune4j.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.data.ImageDataset;
import org.prune4j.data.LabeledImages;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A stack of {@link DenseLayer}s: a fully connected classifier whose last layer outputs logits.
 *
 * <pre>{@code
 * var net  = Networks.lenet300100(42);
 * var hist = net.fit(Mnist.load(), Training.sgd(0.05).momentum(0.9).l2(1e-4).epochs(20));
 * net.evaluate(mnist.test());
 * }</pre>
 */
public final class Network {
    private static final int EVAL_CHUNK = 2000;
    private final String name;
    private final List<DenseLayer> layers;

    /**
     * @param name   a name, e.g. "LeNet-300-100" (at most 10,000 characters, so that it fits in a model file)
     * @param layers the layers, first to last; sizes must chain and names be unique
     * @throws IllegalArgumentException otherwise
     */
    public Network(String name, List<DenseLayer> layers) {
        DenseLayer.requireName(name, "a network");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer layer = layers.get(i);
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("layer name '" + layer.name() + "' is used twice");
            }
            if (i > 0 && layers.get(i - 1).outputs() != layer.inputs()) {
                throw new IllegalArgumentException("layer " + layer.name() + " takes " + layer.inputs()
                        + " inputs but " + layers.get(i - 1).name() + " gives " + layers.get(i - 1).outputs());
            }
        }
        this.name = name;
        this.layers = List.copyOf(layers);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the layers, first to last (the layer objects are live) */
    public List<DenseLayer> layers() {
        return layers;
    }

    /**
     * @param index 0-based layer index
     * @return that layer
     */
    public DenseLayer layer(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IllegalArgumentException("no layer " + index + ": the network has layers 0.." + (layers.size() - 1));
        }
        return layers.get(index);
    }

    /**
     * @param name a layer name
     * @return that layer
     * @throws IllegalArgumentException naming the layers there are
     */
    public DenseLayer layer(String name) {
        for (DenseLayer layer : layers) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("no layer named '" + name + "'; the layers are " + layerNames());
    }

    /** @return the layer names, in order */
    public List<String> layerNames() {
        return layers.stream().map(DenseLayer::name).toList();
    }

    /** @return number of inputs of the first layer */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** @return number of outputs (classes) of the last layer */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** @return the number of weights (biases excluded, as in Han et al.'s tables) */
    public long weightCount() {
        return layers.stream().mapToLong(DenseLayer::weightCount).sum();
    }

    /** @return the number of non-zero weights */
    public long nonZeroWeights() {
        return layers.stream().mapToLong(DenseLayer::nonZeroWeights).sum();
    }

    /** @return a deep copy (parameters, masks, dropout rates) */
    public Network copy() {
        List<DenseLayer> copies = new ArrayList<>();
        for (DenseLayer layer : layers) {
            copies.add(layer.copy());
        }
        return new Network(name, copies);
    }

    /**
     * Inference: the logits for a batch (no dropout).
     *
     * @param x {@code [batch × inputs]} features
     * @return {@code [batch × outputs]} logits
     */
    public INDArray output(INDArray x) {
        if (x == null) {
            throw new IllegalArgumentException("input is null; pass a [batch x " + inputs() + "] array");
        }
        if (x.rank() != 2 || x.size(1) != inputs()) {
            throw new IllegalArgumentException("input must be [batch x " + inputs() + "], got " + java.util.Arrays.toString(x.shape()));
        }
        if (x.size(0) == 0) {
            throw new IllegalArgumentException("input has no rows (batch 0); pass at least one row of " + inputs()
                    + " features");
        }
        INDArray a = x.castTo(DataType.FLOAT);
        requireFinite(a);
        for (DenseLayer layer : layers) {
            INDArray z = a.mmul(layer.weights());
            z.addiRowVector(layer.bias());
            layer.activation().forwardInPlace(z);
            a = z;
        }
        return a;
    }

    /**
     * @param x {@code [batch × inputs]} features
     * @return the predicted class of each row
     */
    public int[] predict(INDArray x) {
        INDArray logits = output(x);
        int rows = (int) logits.size(0);
        int classes = (int) logits.size(1);
        float[] v = HostCopy.toFloats(logits);
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (v[r * classes + c] > v[r * classes + best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /**
     * Accuracy and loss on a labelled set.
     *
     * @param data the examples
     * @return the evaluation
     */
    public Evaluation evaluate(LabeledImages data) {
        checkCompatible(data);
        int[] labels = data.labels();
        double loss = 0;
        long correct = 0;
        for (int from = 0; from < data.size(); from += EVAL_CHUNK) {
            int count = Math.min(EVAL_CHUNK, data.size() - from);
            float[] logits = HostCopy.toFloats(output(data.features(from, count)));
            double[] lc = SoftmaxCrossEntropy.apply(logits, labels, null, from, count, outputs(), false);
            loss += lc[0];
            correct += (long) lc[1];
        }
        return new Evaluation((double) correct / data.size(), loss / data.size(), data.size());
    }

    /**
     * Trains on {@code data.train()}, evaluating on {@code data.test()} after every epoch.
     *
     * @param data     the data set
     * @param training how to train
     * @return the history
     * @throws IllegalStateException if training diverges (a batch loss that is not finite: a learning rate too high);
     *                               it stops before that batch's update
     */
    public History fit(ImageDataset data, Training training) {
        return new Trainer(this, training).run(data.train(), data.test());
    }

    /**
     * Trains on {@code train}, evaluating on {@code test} (may be {@code null}) after every epoch.
     *
     * @param train    training examples
     * @param test     test examples or {@code null}
     * @param training how to train
     * @return the history
     * @throws IllegalStateException if training diverges (a batch loss that is not finite); it stops before that
     *                               batch's update
     */
    public History fit(LabeledImages train, LabeledImages test, Training training) {
        return new Trainer(this, training).run(train, test);
    }

    /**
     * Saves this network with its masks to one file (atomically); see {@link NetworkFile}.
     *
     * @param file the target file
     * @return this network
     */
    public Network save(java.nio.file.Path file) {
        NetworkFile.save(this, file);
        return this;
    }

    /**
     * @param file a file written by {@link #save}
     * @return the network it holds, with masks
     */
    public static Network load(java.nio.file.Path file) {
        return NetworkFile.load(file);
    }

    /**
     * @param x features
     * @throws IllegalArgumentException naming the first NaN or infinity (one sum when all are finite)
     */
    private static void requireFinite(INDArray x) {
        if (x.length() == 0 || Double.isFinite(x.sumNumber().doubleValue())) {
            return;
        }
        float[] v = HostCopy.toFloats(x);
        long width = x.size(1);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("input holds " + v[i] + " at row " + i / width + ", column "
                        + i % width + "; inputs must be finite");
            }
        }
        // the sum overflowed on finite values: nothing to reject
    }

    /**
     * @param data examples to train or evaluate on
     * @throws IllegalArgumentException if they hold no example, or their features or classes do not match this
     *                                  network's inputs or outputs
     */
    public void checkCompatible(LabeledImages data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(data.name() + " holds no examples");
        }
        if (data.featureCount() != inputs()) {
            throw new IllegalArgumentException(data.name() + " has " + data.featureCount() + " features per example but "
                    + name + " takes " + inputs() + " inputs");
        }
        if (data.classes() != outputs()) {
            throw new IllegalArgumentException(data.name() + " has " + data.classes() + " classes but " + name
                    + " has " + outputs() + " outputs");
        }
    }

    /**
     * One row per layer: name, shape, weights, non-zero weights, kept fraction, dropout.
     *
     * @return the summary table
     */
    public Table summary() {
        Table t = Table.create(name,
                StringColumn.create("layer"), StringColumn.create("shape"), LongColumn.create("weights"),
                LongColumn.create("non_zero"), DoubleColumn.create("kept"), StringColumn.create("activation"),
                DoubleColumn.create("dropout"), IntColumn.create("biases"));
        for (DenseLayer l : layers) {
            long nz = l.nonZeroWeights();
            t.stringColumn("layer").append(l.name());
            t.stringColumn("shape").append(l.inputs() + "x" + l.outputs());
            t.longColumn("weights").append(l.weightCount());
            t.longColumn("non_zero").append(nz);
            t.doubleColumn("kept").append((double) nz / l.weightCount());
            t.stringColumn("activation").append(l.activation().name());
            t.doubleColumn("dropout").append(l.dropout());
            t.intColumn("biases").append(l.outputs());
        }
        return t;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(nonZeroWeights()).append(" / ")
                .append(weightCount()).append(" weights non-zero)");
        for (DenseLayer layer : layers) {
            sb.append("\n  ").append(layer);
        }
        return sb.toString();
    }
}
