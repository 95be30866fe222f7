package org.prune4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The non-linearity after a dense layer. The last layer of a classifier uses {@link #IDENTITY} (logits). */
public enum Activation {
    /** {@code max(0, z)}. */
    RELU,
    /** {@code z}, for the logits of the last layer. */
    IDENTITY;

    /**
     * Applies the activation in place.
     *
     * @param z pre-activations, overwritten by activations
     */
    void forwardInPlace(INDArray z) {
        if (this == RELU) {
            Transforms.relu(z, false);
        }
    }

    /**
     * Multiplies {@code delta} in place by the derivative, given the activation's output.
     *
     * @param delta     gradient with respect to the activation's output, overwritten
     * @param activated the activation's output
     */
    void backwardInPlace(INDArray delta, INDArray activated) {
        if (this == RELU) {
            // ReLU'(z) = 1 where relu(z) > 0: the output itself tells.
            Nd4j.exec(new RectifiedLinearDerivative(activated, delta, delta));
        }
    }

    /**
     * @param z a pre-activation
     * @return the activation of one value (for plain-Java inference paths and tests)
     */
    public float apply(float z) {
        return this == RELU ? Math.max(0f, z) : z;
    }
}
