package org.prune4j.nn;

import java.util.ArrayList;
import java.util.List;

/** Ready-made networks. */
public final class Networks {
    private Networks() {
    }

    /**
     * LeNet-300-100 (LeCun et al. 1998; the fully connected network of Han et al. 2015): 784-300-100-10 with ReLU,
     * 266,200 weights. Layers are named {@code fc1}, {@code fc2}, {@code fc3}.
     *
     * @param seed initialisation seed
     * @return the network
     */
    public static Network lenet300100(long seed) {
        return mlp("LeNet-300-100", seed, 784, 300, 100, 10);
    }

    /**
     * A multi-layer perceptron with ReLU between layers and logits out; layers named {@code fc1, fc2, ...}.
     *
     * @param name  network name
     * @param seed  initialisation seed (each layer draws from its own derived seed)
     * @param sizes input size, hidden sizes..., output size
     * @return the network
     */
    public static Network mlp(String name, long seed, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            boolean last = i + 2 == sizes.length;
            layers.add(DenseLayer.initialized("fc" + (i + 1), sizes[i], sizes[i + 1],
                    last ? Activation.IDENTITY : Activation.RELU, seed * 1_000_003L + i));
        }
        return new Network(name, layers);
    }
}
