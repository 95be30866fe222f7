package org.prune4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stochastic gradient descent with (optionally Nesterov) momentum, as PyTorch's {@code torch.optim.SGD}:
 * {@code v = μ·v + g; w -= lr·v} (Nesterov: {@code w -= lr·(g + μ·v)}).
 *
 * @param learningRate base learning rate
 * @param momentum     momentum μ in [0, 1)
 * @param nesterov     whether to use Nesterov momentum
 */
public record Sgd(double learningRate, double momentum, boolean nesterov) implements Optimizer {

    /** Validates the hyper-parameters. */
    public Sgd {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a momentum > 0 (as in torch.optim.SGD);"
                    + " set momentum(...) or drop nesterov");
        }
    }

    @Override
    public Optimizer withLearningRate(double learningRate) {
        return new Sgd(learningRate, momentum, nesterov);
    }

    @Override
    public State newState(INDArray parameter) {
        INDArray velocity = momentum == 0 ? null : Nd4j.zerosLike(parameter);
        return new State() {
            @Override
            public void update(INDArray parameter, INDArray gradient, double lr, long step) {
                if (velocity == null) {
                    Nd4j.getBlasWrapper().level1().axpy(parameter.length(), -lr, gradient, parameter);
                    return;
                }
                velocity.muli(momentum).addi(gradient);
                if (nesterov) {
                    Nd4j.getBlasWrapper().level1().axpy(parameter.length(), momentum, velocity, gradient);
                    Nd4j.getBlasWrapper().level1().axpy(parameter.length(), -lr, gradient, parameter);
                } else {
                    Nd4j.getBlasWrapper().level1().axpy(parameter.length(), -lr, velocity, parameter);
                }
            }

            @Override
            public void mask(INDArray mask) {
                if (velocity != null) {
                    velocity.muli(mask);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + (momentum > 0 ? ", momentum=" + momentum : "") + (nesterov ? ", nesterov" : "") + ")";
    }
}
