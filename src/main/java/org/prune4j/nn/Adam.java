package org.prune4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction, by ND4J's native updater. It differs from PyTorch's
 * {@code torch.optim.Adam} only in where epsilon enters: ND4J adds it to {@code sqrt(v)} before the bias correction,
 * so in PyTorch's terms the epsilon is {@code epsilon / sqrt(1 - beta2^t)} (a difference only while {@code v} is
 * of the order of epsilon squared).
 *
 * @param learningRate base learning rate
 * @param beta1        decay of the first moment
 * @param beta2        decay of the second moment
 * @param epsilon      numerical stabiliser
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    /** Validates the hyper-parameters. */
    public Adam {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("Adam needs beta1, beta2 in [0, 1) and a finite epsilon > 0, got "
                    + beta1 + ", " + beta2 + ", " + epsilon);
        }
    }

    /**
     * @param learningRate base learning rate
     * @return Adam with the usual betas (0.9, 0.999) and epsilon 1e-8
     */
    public static Adam of(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    @Override
    public Optimizer withLearningRate(double learningRate) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public State newState(INDArray parameter) {
        INDArray first = Nd4j.zerosLike(parameter);
        INDArray second = Nd4j.zerosLike(parameter);
        return new State() {
            @Override
            public void update(INDArray parameter, INDArray gradient, double lr, long step) {
                // The native op updates both moments in place and turns the gradient into the step to subtract.
                Nd4j.exec(new AdamUpdater(gradient, second, first, lr, beta1, beta2, epsilon, (int) (step - 1)));
                parameter.subi(gradient);
            }

            @Override
            public void mask(INDArray mask) {
                first.muli(mask);
                second.muli(mask);
            }
        };
    }

    @Override
    public String toString() {
        boolean usual = beta1 == 0.9 && beta2 == 0.999 && epsilon == 1e-8;
        return "Adam(lr=" + learningRate + (usual ? "" : ", betas=(" + beta1 + ", " + beta2 + "), eps=" + epsilon) + ")";
    }
}
