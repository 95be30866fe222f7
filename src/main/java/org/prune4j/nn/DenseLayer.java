package org.prune4j.nn;

import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer {@code y = f(x · W + b)} with weights stored {@code [in × out]} (so column {@code j} holds
 * the incoming weights of output neuron {@code j}), a bias {@code [1 × out]}, an activation, a dropout rate on its
 * input, and an optional 0/1 mask of the same shape as the weights.
 *
 * <p>When a mask is set, masked weights are zero and stay exactly zero through training: the trainer masks the
 * gradient, the optimizer state and the weights after every step.
 */
public final class DenseLayer {
    /** Longest layer or network name: a model file stores a name in at most 65,535 bytes, 3 per character. */
    static final int MAX_NAME = 10_000;
    private final String name;
    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final INDArray weights;
    private final INDArray bias;
    private INDArray mask;
    private double dropout;

    /**
     * A layer with the given parameters (copied).
     *
     * @param name       layer name, e.g. "fc1"
     * @param weights    {@code [in × out]} weights
     * @param bias       {@code [out]} or {@code [1 × out]} bias
     * @param activation activation after the affine map
     * @throws IllegalArgumentException if shapes disagree or are empty, or a parameter is not finite
     */
    public DenseLayer(String name, INDArray weights, INDArray bias, Activation activation) {
        this.name = requireName(name, "a layer");
        if (weights.rank() != 2) {
            throw new IllegalArgumentException(name + ": weights must be a matrix [in x out], got rank " + weights.rank());
        }
        this.inputs = (int) weights.size(0);
        this.outputs = (int) weights.size(1);
        if (inputs == 0 || outputs == 0) {
            throw new IllegalArgumentException(name + ": a layer needs at least one input and one output, got ["
                    + inputs + " x " + outputs + "] weights");
        }
        if (bias.length() != outputs) {
            throw new IllegalArgumentException(name + ": bias has " + bias.length() + " entries, the layer has " + outputs + " outputs");
        }
        this.weights = weights.castTo(DataType.FLOAT).dup('c');
        this.bias = bias.castTo(DataType.FLOAT).reshape(1, outputs).dup('c');
        this.activation = Objects.requireNonNull(activation, "activation");
        requireFinite(this.weights, "weights");
        requireFinite(this.bias, "bias");
    }

    private DenseLayer(DenseLayer other) {
        this.name = other.name;
        this.inputs = other.inputs;
        this.outputs = other.outputs;
        this.activation = other.activation;
        this.weights = other.weights.dup('c');
        this.bias = other.bias.dup('c');
        this.mask = other.mask == null ? null : other.mask.dup('c');
        this.dropout = other.dropout;
    }

    /**
     * A new layer initialised like PyTorch's {@code nn.Linear}: weights and bias uniform in
     * {@code ±1/sqrt(in)}, from a seed (the same seed gives the same layer on every machine).
     *
     * @param name       layer name
     * @param inputs     number of inputs
     * @param outputs    number of outputs
     * @param activation activation
     * @param seed       random seed
     * @return the layer
     */
    public static DenseLayer initialized(String name, int inputs, int outputs, Activation activation, long seed) {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException(name + ": inputs and outputs must be positive, got " + inputs + " x " + outputs);
        }
        if ((long) inputs * outputs > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": " + inputs + " x " + outputs + " = " + (long) inputs * outputs
                    + " weights do not fit in one Java array; make the layer smaller");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double bound = 1.0 / Math.sqrt(inputs);
        float[] w = new float[inputs * outputs];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-bound, bound);
        }
        float[] b = new float[outputs];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-bound, bound);
        }
        return new DenseLayer(name, Nd4j.create(w, new long[] {inputs, outputs}, DataType.FLOAT),
                Nd4j.create(b, new long[] {1, outputs}, DataType.FLOAT), activation);
    }

    /** @return a deep copy: parameters, mask and dropout rate */
    public DenseLayer copy() {
        return new DenseLayer(this);
    }

    /** @return the layer's name */
    public String name() {
        return name;
    }

    /** @return number of inputs (rows of W) */
    public int inputs() {
        return inputs;
    }

    /** @return number of outputs (columns of W, neurons) */
    public int outputs() {
        return outputs;
    }

    /** @return the activation */
    public Activation activation() {
        return activation;
    }

    /**
     * The live weight matrix {@code [in × out]}. Writing to it is allowed; call {@link #applyMask()} afterwards
     * if the layer has a mask.
     *
     * @return the weights
     */
    public INDArray weights() {
        return weights;
    }

    /** @return the live bias {@code [1 × out]} */
    public INDArray bias() {
        return bias;
    }

    /** @return a copy of the weights as a row-major {@code float[in * out]} */
    public float[] weightArray() {
        return HostCopy.toFloats(weights);
    }

    /** @return a copy of the bias */
    public float[] biasArray() {
        return HostCopy.toFloats(bias);
    }

    /** @return the number of weights ({@code in × out}) */
    public long weightCount() {
        return (long) inputs * outputs;
    }

    /** @return the number of weights that are not exactly zero */
    public long nonZeroWeights() {
        float[] w = weightArray();
        long n = 0;
        for (float v : w) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }

    /** @return a copy of the mask, if one is set: an {@code [in × out]} array of 0 and 1 */
    public Optional<INDArray> mask() {
        return Optional.ofNullable(mask).map(INDArray::dup);
    }

    /** @return whether a mask is set */
    public boolean hasMask() {
        return mask != null;
    }

    /** @return the live mask or {@code null}; a new mask is always a new array, so identity tells a change */
    INDArray liveMask() {
        return mask;
    }

    /**
     * Sets the mask and zeroes the masked weights. Training keeps them at zero.
     *
     * @param mask {@code [in × out]} of 0 and 1 (copied)
     * @throws IllegalArgumentException if the shape differs or an entry is neither 0 nor 1
     */
    public void setMask(INDArray mask) {
        if (mask.rank() != 2 || mask.size(0) != inputs || mask.size(1) != outputs) {
            throw new IllegalArgumentException(name + ": mask shape " + java.util.Arrays.toString(mask.shape())
                    + " does not match the weights [" + inputs + ", " + outputs + "]");
        }
        INDArray copy = mask.castTo(DataType.FLOAT).dup('c');
        for (float v : HostCopy.toFloats(copy)) {
            if (v != 0f && v != 1f) {
                throw new IllegalArgumentException(name + ": a mask holds only 0 and 1, found " + v);
            }
        }
        this.mask = copy;
        applyMask();
    }

    /** Removes the mask; the weights keep their current values (pruned weights stay zero until trained). */
    public void clearMask() {
        this.mask = null;
    }

    /** Zeroes the masked weights (no-op without a mask). */
    public void applyMask() {
        if (mask != null) {
            // on the host rather than weights.muli(mask): -3 * 0 would leave a -0.0 that prints as "-0.0"
            float[] w = HostCopy.toFloats(weights);
            float[] m = HostCopy.toFloats(mask);
            for (int i = 0; i < w.length; i++) {
                if (m[i] == 0f) {
                    w[i] = 0f;
                }
            }
            HostCopy.fill(weights, w);
        }
    }

    /** @return the dropout rate applied to this layer's input during training (0 = none) */
    public double dropout() {
        return dropout;
    }

    /**
     * Sets the dropout rate on this layer's input, e.g. to rescale it for retraining after pruning.
     *
     * @param rate probability of dropping each input in [0, 1)
     * @return this layer
     */
    public DenseLayer setDropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(name + ": dropout rate must be in [0, 1), got " + rate);
        }
        this.dropout = rate;
        return this;
    }

    @Override
    public String toString() {
        long nz = nonZeroWeights();
        return String.format("%s: %d x %d %s, %d / %d weights non-zero (%.1f %%)%s", name, inputs, outputs,
                activation, nz, weightCount(), 100.0 * nz / weightCount(), dropout > 0 ? ", dropout " + dropout : "");
    }

    /**
     * @param name a layer's or network's name
     * @param what "a layer" or "a network", for the message
     * @return the name, if not blank and short enough for a model file
     */
    static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " needs a non-blank name");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + "'s name has at most " + MAX_NAME
                    + " characters (a model file keeps it), got " + name.length());
        }
        return name;
    }

    private void requireFinite(INDArray array, String what) {
        for (float v : HostCopy.toFloats(array)) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(name + ": " + what + " contain " + v + "; parameters must be finite");
            }
        }
    }
}
