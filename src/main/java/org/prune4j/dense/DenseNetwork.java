package org.prune4j.dense;

import java.util.ArrayList;
import java.util.List;

import org.prune4j.nn.Activation;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

/**
 * A network's forward pass through one {@link DenseKernel} kind (the dense baselines of a network-level timing):
 * each layer's product, then bias and activation in place, row-major throughout.
 */
public final class DenseNetwork {
    /** Makes a kernel for {@code [in × out]} weights. */
    @FunctionalInterface
    public interface KernelFactory {
        /**
         * @param w   {@code [in × out]} weights
         * @param in  rows
         * @param out columns
         * @return the kernel
         */
        DenseKernel create(float[] w, int in, int out);
    }

    /** Rows each core must get at least before a batch is cut by rows (the kernels' tiles are 4 and 8 rows). */
    private static final int MIN_ROWS_PER_CORE = 8;
    /** Multiply-adds of a whole pass from which it is cut by rows. */
    private static final long SPLIT_WORK = 1L << 19;

    private final List<DenseKernel> kernels = new ArrayList<>();
    private final List<float[]> biases = new ArrayList<>();
    private final List<Activation> activations = new ArrayList<>();
    private final String kernelName;

    /**
     * @param network the network (its weights are copied)
     * @param factory e.g. {@code DenseKernel::vector}
     */
    public DenseNetwork(Network network, KernelFactory factory) {
        for (DenseLayer l : network.layers()) {
            kernels.add(factory.create(l.weightArray(), l.inputs(), l.outputs()));
            biases.add(l.biasArray());
            activations.add(l.activation());
        }
        kernelName = kernels.get(0).name();
    }

    /** @return the kernel kind, e.g. "vector" */
    public String kernelName() {
        return kernelName;
    }

    /** @return inputs of the first layer */
    public int inputs() {
        return kernels.get(0).inputs();
    }

    /** @return outputs of the last layer */
    public int outputs() {
        return kernels.get(kernels.size() - 1).outputs();
    }

    /** The widest row of the pass's buffers: the input or any layer's outputs. */
    private long widest() {
        long w = inputs();
        for (DenseKernel k : kernels) {
            w = Math.max(w, k.outputs());
        }
        return w;
    }

    /**
     * @param x     {@code [batch × inputs]}
     * @param batch rows, at least 1
     * @return the logits {@code [batch × outputs]}
     */
    public float[] output(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        InputCheck.fits(batch, widest());
        float[] y = new float[batch * outputs()];
        new Pass(batch).run(x, y);
        return y;
    }

    /**
     * @param x     {@code [batch × inputs]}, checked once
     * @param batch rows
     * @return the timed pass with its buffers allocated once
     */
    public Runnable bind(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), outputs());
        return bind(x, batch, new float[batch * outputs()]);
    }

    /**
     * {@link #bind(float[], int)} into a buffer the caller can read after each call.
     *
     * @param x     {@code [batch × inputs]}, checked once
     * @param batch rows
     * @param y     {@code [batch × outputs]}, the logits after each call
     * @return the timed pass
     */
    public Runnable bind(float[] x, int batch, float[] y) {
        InputCheck.product(x, batch, inputs(), y, outputs());
        InputCheck.fits(batch, widest());
        Pass pass = new Pass(batch);
        return () -> pass.run(x, y);
    }

    /**
     * A pass for one batch size with its buffers allocated once. A batch big enough is cut into one block of rows
     * per core, each running the whole chain (the kernels then stay on their core): a layer's outputs are read by
     * the core that wrote them, not moved to the other core's cache for the next layer. LeNet with the Vector API
     * kernels, one JVM, alternating, against each layer split over the cores by its kernel, three runs: 0.79-1.04
     * of the time at batch 32, 0.88 at 256 (the copy of each block's input rows included). The sparse network does
     * the same with its chunks, so both sides of a network timing split the same way.
     */
    private final class Pass {
        private final int batch;
        private final int parts;
        /** Per part: its rows of the input (copied, as the kernels read from index 0), or null for one part. */
        private final float[][] blockInput;
        /** Per part and layer: the layer's outputs for the part's rows. */
        private final float[][][] blockOutput;

        Pass(int batch) {
            this.batch = batch;
            long work = 0;
            for (DenseKernel k : kernels) {
                work += (long) k.inputs() * k.outputs();
            }
            work *= batch;
            int cores = Parallel.cores();
            parts = cores > 1 && batch >= MIN_ROWS_PER_CORE * cores && work >= SPLIT_WORK ? cores : 1;
            blockInput = new float[parts][];
            blockOutput = new float[parts][kernels.size()][];
            for (int p = 0; p < parts; p++) {
                int rows = rowStart(p + 1) - rowStart(p);
                blockInput[p] = parts > 1 ? new float[rows * inputs()] : null;
                for (int i = 0; i < kernels.size(); i++) {
                    blockOutput[p][i] = new float[rows * kernels.get(i).outputs()];
                }
            }
        }

        private int rowStart(int part) {
            return (int) ((long) batch * part / parts);
        }

        void run(float[] x, float[] y) {
            if (parts == 1) {
                float[] last = chain(x, batch, blockOutput[0]);
                System.arraycopy(last, 0, y, 0, last.length);
                return;
            }
            int in = inputs();
            int out = outputs();
            Parallel.run(parts, p -> {
                int r0 = rowStart(p);
                int rows = rowStart(p + 1) - r0;
                System.arraycopy(x, r0 * in, blockInput[p], 0, rows * in);
                float[] last = chain(blockInput[p], rows, blockOutput[p]);
                System.arraycopy(last, 0, y, r0 * out, rows * out);
            });
        }

        /** Every layer over {@code rows} rows of {@code x}; @return the last layer's outputs */
        private float[] chain(float[] x, int rows, float[][] outs) {
            float[] a = x;
            for (int i = 0; i < kernels.size(); i++) {
                kernels.get(i).compute(a, rows, outs[i]);
                addBias(outs[i], rows, biases.get(i), activations.get(i) == Activation.RELU);
                a = outs[i];
            }
            return a;
        }
    }

    /** Bias and ReLU in place (the Vector API loop where available: C2 does not vectorize the plain one). */
    static void addBias(float[] y, int batch, float[] bias, boolean relu) {
        if (VectorApi.available()) {
            VectorBias.add(y, batch, bias, relu);
            return;
        }
        int out = bias.length;
        for (int r = 0; r < batch; r++) {
            int o = r * out;
            for (int j = 0; j < out; j++) {
                float v = y[o + j] + bias[j];
                y[o + j] = relu ? Math.max(0f, v) : v;
            }
        }
    }
}
