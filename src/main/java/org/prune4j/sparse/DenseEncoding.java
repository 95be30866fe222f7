package org.prune4j.sparse;

import java.nio.ByteBuffer;

/** Every weight as float32, row after row of the {@code [out × in]} matrix: what a dense model file costs. */
final class DenseEncoding implements WeightEncoding {
    @Override
    public String name() {
        return "dense_fp32";
    }

    @Override
    public boolean lossless() {
        return true;
    }

    @Override
    public byte[] encode(CsrMatrix m) {
        EncodingLimitException.requireArray(name(), (long) m.rows * m.cols * Float.BYTES);
        float[] d = m.toDense();
        ByteBuffer b = ByteBuffer.allocate(d.length * Float.BYTES);
        b.asFloatBuffer().put(d);
        return b.array();
    }

    @Override
    public CsrMatrix decode(byte[] data, int rows, int cols) {
        if (data.length != (long) rows * cols * Float.BYTES) {
            throw new IllegalArgumentException("dense_fp32: " + data.length + " bytes for a " + rows + " x " + cols
                    + " matrix, expected " + (long) rows * cols * Float.BYTES);
        }
        float[] d = new float[rows * cols];
        ByteBuffer.wrap(data).asFloatBuffer().get(d);
        return CsrMatrix.of(d, rows, cols);
    }

    @Override
    public String toString() {
        return name();
    }
}
