package org.prune4j.dense;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J's {@code gemm} (OpenBLAS sgemm with its own threads): what {@code Network.output} uses. */
final class Nd4jGemm implements DenseKernel {
    private final int in;
    private final int out;
    private final INDArray w;

    Nd4jGemm(float[] weights, int in, int out) {
        DenseKernel.checkWeights(weights, in, out);
        this.in = in;
        this.out = out;
        this.w = Nd4j.create(weights.clone(), new long[] {in, out}, DataType.FLOAT);
    }

    @Override
    public String name() {
        return "nd4j";
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
        INDArray xa = Nd4j.create(x, new long[] {batch, in}, DataType.FLOAT);
        INDArray ya = Nd4j.create(DataType.FLOAT, batch, out);
        Nd4j.gemm(xa, w, ya, false, false, 1.0, 0.0);
        float[] r = ya.data().asFloat();
        System.arraycopy(r, 0, y, 0, r.length);
    }

    @Override
    public Runnable bind(float[] x, int batch) {
        InputCheck.product(x, batch, in, out);
        INDArray xa = Nd4j.create(x.clone(), new long[] {batch, in}, DataType.FLOAT);
        INDArray ya = Nd4j.create(DataType.FLOAT, batch, out);
        return () -> Nd4j.gemm(xa, w, ya, false, false, 1.0, 0.0);
    }
}
