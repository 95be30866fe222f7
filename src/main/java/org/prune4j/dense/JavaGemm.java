package org.prune4j.dense;

/**
 * A plain-Java dense product that HotSpot's superword pass vectorizes: for each input row, {@code acc += x[k] * W[k]}
 * over weight rows kept as separate arrays (a loop over one flat array with offsets is not vectorized on Java 17).
 * Splits the batch over the cores when the product is big.
 */
final class JavaGemm implements DenseKernel {
    /** Multiply-adds below which one core is faster than handing half to another. */
    private static final long PARALLEL_WORK = 1L << 19;
    private final int in;
    private final int out;
    private final float[][] rows;

    JavaGemm(float[] weights, int in, int out) {
        DenseKernel.checkWeights(weights, in, out);
        this.in = in;
        this.out = out;
        this.rows = new float[in][];
        for (int k = 0; k < in; k++) {
            rows[k] = java.util.Arrays.copyOfRange(weights, k * out, (k + 1) * out);
        }
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public int inputs() {
        return in;
    }

    @Override
    public int outputs() {
        return out;
    }

    @Override
    public void compute(float[] x, int batch, float[] y) {
        int parts = (long) batch * in * out >= PARALLEL_WORK && Parallel.cores() > 1 ? 2 * Parallel.cores() : 1;
        // One row's outputs are not split: a loop with an offset into a row would not be vectorized.
        if (parts == 1 || batch < parts) {
            rowsRange(x, y, 0, batch);
        } else {
            Parallel.run(parts, p -> rowsRange(x, y, batch * p / parts, batch * (p + 1) / parts));
        }
    }

    private void rowsRange(float[] x, float[] y, int r0, int r1) {
        float[] acc = new float[out];
        for (int r = r0; r < r1; r++) {
            java.util.Arrays.fill(acc, 0f);
            int xo = r * in;
            for (int k = 0; k < in; k++) {
                axpy(x[xo + k], rows[k], acc);
            }
            System.arraycopy(acc, 0, y, r * out, out);
        }
    }

    private static void axpy(float a, float[] w, float[] acc) {
        for (int j = 0; j < acc.length; j++) {
            acc[j] += a * w[j];
        }
    }
}
