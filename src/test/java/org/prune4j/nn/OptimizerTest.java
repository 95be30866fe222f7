package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Optimizer updates against hand-computed reference values (PyTorch's formulas). */
class OptimizerTest {

    private static INDArray arr(float... v) {
        return Nd4j.createFromArray(v).castTo(DataType.FLOAT);
    }

    @Test
    void sgdMomentumFollowsTorchFormula() {
        INDArray w = arr(1f, -2f);
        Optimizer.State s = new Sgd(0.1, 0.9, false).newState(w);
        s.update(w, arr(0.5f, 1f), 0.1, 1); // v = g = (0.5, 1); w = (0.95, -2.1)
        assertArrayEquals(new float[] {0.95f, -2.1f}, w.data().asFloat(), 1e-6f);
        s.update(w, arr(0.5f, 1f), 0.1, 2); // v = 0.9 v + g = (0.95, 1.9); w = (0.855, -2.29)
        assertArrayEquals(new float[] {0.855f, -2.29f}, w.data().asFloat(), 1e-6f);
    }

    @Test
    void nesterovMomentumFollowsTorchFormula() {
        INDArray w = arr(1f);
        Optimizer.State s = new Sgd(0.1, 0.5, true).newState(w);
        s.update(w, arr(2f), 0.1, 1); // v = 2; step g + mu v = 3; w = 1 - 0.3 = 0.7
        assertArrayEquals(new float[] {0.7f}, w.data().asFloat(), 1e-6f);
        s.update(w, arr(2f), 0.1, 2); // v = 0.5 * 2 + 2 = 3; step 2 + 1.5 = 3.5; w = 0.35
        assertArrayEquals(new float[] {0.35f}, w.data().asFloat(), 1e-6f);
    }

    @Test
    void adamFollowsReferenceWithBiasCorrection() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        INDArray w = arr(1f, -1f, 0.5f);
        float[][] grads = {{0.1f, -0.2f, 0.3f}, {0.05f, 0.1f, -0.3f}, {-0.4f, 0f, 0.2f}};
        Optimizer.State s = new Adam(lr, b1, b2, eps).newState(w);
        double[] ref = {1, -1, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= grads.length; t++) {
            s.update(w, arr(grads[t - 1].clone()), lr, t);
            for (int i = 0; i < 3; i++) {
                double g = grads[t - 1][i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mh = m[i] / (1 - Math.pow(b1, t));
                double vh = v[i] / (1 - Math.pow(b2, t));
                ref[i] -= lr * mh / (Math.sqrt(vh) + eps);
            }
            float[] expected = {(float) ref[0], (float) ref[1], (float) ref[2]};
            assertArrayEquals(expected, w.data().asFloat(), 2e-5f, "step " + t);
        }
    }

    @Test
    void maskedStateCannotMoveAPrunedWeight() {
        // momentum and Adam's moments remember past gradients: a weight pruned after some steps would keep moving
        // under a zero gradient unless its state is masked too
        for (Optimizer o : new Optimizer[] {new Sgd(0.1, 0.9, false), new Sgd(0.1, 0.9, true), Adam.of(0.01)}) {
            INDArray w = arr(1f, -2f);
            Optimizer.State s = o.newState(w);
            s.update(w, arr(0.5f, 1f), 0.1, 1);
            s.update(w, arr(0.5f, 1f), 0.1, 2);
            INDArray mask = arr(0f, 1f);
            s.mask(mask);
            w.muli(mask);
            float kept = w.getFloat(1);
            s.update(w, arr(0f, 0f), 0.1, 3);
            assertEquals(0f, w.getFloat(0), 0f, o + ": the pruned weight stays exactly zero");
            assertNotEquals(kept, w.getFloat(1), o + ": the kept weight still moves with its remembered state");
        }
    }

    @Test
    void badHyperParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 0, true), "Nesterov without momentum");
        assertNotEquals(Adam.of(0.01).toString(), new Adam(0.01, 0.8, 0.999, 1e-8).toString(),
                "a checkpoint's recipe tells Adams with other betas apart");
        assertThrows(IllegalArgumentException.class, () -> new Sgd(-1, 0.9, false));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1.0, false));
        assertThrows(IllegalArgumentException.class, () -> Adam.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 0.999, Double.POSITIVE_INFINITY));
        assertThrows(IllegalStateException.class, () -> Training.adam(1e-3).momentum(0.9));
        assertThrows(IllegalArgumentException.class, () -> Training.sgd(0.1).epochs(0));
        assertThrows(IllegalArgumentException.class, () -> Training.sgd(0.1).l2(-1));
    }
}
