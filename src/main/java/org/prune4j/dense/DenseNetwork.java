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

    /**
     * @param x     {@code [batch × inputs]}
     * @param batch rows, at least 1
     * @return the logits {@code [batch × outputs]}
     */
    public float[] output(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), null, outputs());
        float[][] buffers = buffers(batch);
        run(x, batch, buffers);
        return buffers[buffers.length - 1];
    }

    /**
     * @param x     {@code [batch × inputs]}, checked once
     * @param batch rows
     * @return the timed pass with its buffers allocated once
     */
    public Runnable bind(float[] x, int batch) {
        InputCheck.product(x, batch, inputs(), null, outputs());
        float[][] buffers = buffers(batch);
        return () -> run(x, batch, buffers);
    }

    private float[][] buffers(int batch) {
        float[][] b = new float[kernels.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = new float[batch * kernels.get(i).outputs()];
        }
        return b;
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

    private void run(float[] x, int batch, float[][] buffers) {
        float[] a = x;
        for (int i = 0; i < kernels.size(); i++) {
            float[] y = buffers[i];
            kernels.get(i).compute(a, batch, y);
            addBias(y, batch, biases.get(i), activations.get(i) == Activation.RELU);
            a = y;
        }
    }
}
