package org.prune4j.prune;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.HostCopy;
import org.prune4j.nn.Network;

/**
 * Physically removes dead hidden neurons (Han et al. §3.4) and returns a smaller dense network with the same
 * outputs.
 *
 * <p>A hidden neuron with no outgoing connections contributes nothing and is dropped. A neuron with no incoming
 * connections outputs the constant {@code f(bias)}; its contribution is folded into the next layer's bias and it
 * is dropped too. Unit pruning kills whole neurons this way. Removal repeats until nothing more dies, since
 * dropping a neuron can leave a neuron of the next layer without inputs. Inputs of the first layer and outputs
 * of the last layer are never removed, so the network's interface is unchanged.
 */
public final class Shrink {
    private Shrink() {
    }

    /**
     * @param network a (pruned) network
     * @return a new, smaller network computing the same function (masks carried over for the kept weights)
     */
    public static Network of(Network network) {
        List<DenseLayer> layers = network.layers();
        int n = layers.size();
        float[][] w = new float[n][];
        float[][] b = new float[n][];
        float[][] m = new float[n][];
        int[] rows = new int[n];
        int[] cols = new int[n];
        boolean[][] alive = new boolean[n + 1][]; // alive[l] = alive inputs of layer l; alive[n] = outputs
        for (int l = 0; l < n; l++) {
            DenseLayer layer = layers.get(l);
            w[l] = layer.weightArray();
            b[l] = layer.biasArray();
            m[l] = layer.mask().map(HostCopy::toFloats).orElse(null);
            rows[l] = layer.inputs();
            cols[l] = layer.outputs();
            alive[l] = filled(rows[l]);
        }
        alive[n] = filled(cols[n - 1]);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int l = 0; l + 1 < n; l++) { // neurons = outputs of layer l = inputs of layer l + 1
                for (int j = 0; j < cols[l]; j++) {
                    if (!alive[l + 1][j]) {
                        continue;
                    }
                    boolean hasOut = false;
                    for (int k = 0; k < cols[l + 1] && !hasOut; k++) {
                        hasOut = alive[l + 2][k] && w[l + 1][j * cols[l + 1] + k] != 0f;
                    }
                    boolean hasIn = false;
                    for (int i = 0; i < rows[l] && !hasIn; i++) {
                        hasIn = alive[l][i] && w[l][i * cols[l] + j] != 0f;
                    }
                    if (hasOut && hasIn) {
                        continue;
                    }
                    if (hasOut) {
                        // constant neuron: fold f(bias) times its outgoing weights into the next bias
                        float constant = layers.get(l).activation().apply(b[l][j]);
                        for (int k = 0; k < cols[l + 1]; k++) {
                            b[l + 1][k] += constant * w[l + 1][j * cols[l + 1] + k];
                        }
                    }
                    alive[l + 1][j] = false;
                    changed = true;
                }
            }
        }
        List<DenseLayer> out = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            int[] keepRows = indices(alive[l]);
            int[] keepCols = indices(alive[l + 1]);
            float[] nw = new float[keepRows.length * keepCols.length];
            float[] nm = m[l] == null ? null : new float[nw.length];
            for (int r = 0; r < keepRows.length; r++) {
                for (int c = 0; c < keepCols.length; c++) {
                    int src = keepRows[r] * cols[l] + keepCols[c];
                    nw[r * keepCols.length + c] = w[l][src];
                    if (nm != null) {
                        nm[r * keepCols.length + c] = m[l][src];
                    }
                }
            }
            float[] nb = new float[keepCols.length];
            for (int c = 0; c < keepCols.length; c++) {
                nb[c] = b[l][keepCols[c]];
            }
            if (keepRows.length == 0 || keepCols.length == 0) {
                throw new IllegalArgumentException("layer " + layers.get(l).name()
                        + " has no live neurons left: the network computes a constant; prune less");
            }
            DenseLayer original = layers.get(l);
            DenseLayer layer = new DenseLayer(original.name(),
                    Nd4j.create(nw, new long[] {keepRows.length, keepCols.length}, DataType.FLOAT),
                    Nd4j.create(nb, new long[] {1, keepCols.length}, DataType.FLOAT), original.activation());
            layer.setDropout(original.dropout());
            if (nm != null) {
                layer.setMask(Nd4j.create(nm, new long[] {keepRows.length, keepCols.length}, DataType.FLOAT));
            }
            out.add(layer);
        }
        return new Network(network.name() + " (shrunk)", out);
    }

    private static boolean[] filled(int n) {
        boolean[] a = new boolean[n];
        java.util.Arrays.fill(a, true);
        return a;
    }

    private static int[] indices(boolean[] alive) {
        int count = 0;
        for (boolean a : alive) {
            if (a) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < alive.length; i++) {
            if (alive[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
