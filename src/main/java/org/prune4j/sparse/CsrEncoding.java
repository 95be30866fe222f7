package org.prune4j.sparse;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * CSR as bytes: {@code rows + 1} int32 row pointers, then the column indices (int32 or uint16), then the values
 * (float32 or fp16). 16-bit indices need at most 65,536 columns.
 */
final class CsrEncoding implements WeightEncoding {
    private final int indexBits;
    private final boolean fp16;

    CsrEncoding(int indexBits, boolean fp16) {
        if (indexBits != 16 && indexBits != 32) {
            throw new IllegalArgumentException("CSR indices are 16 or 32 bits, got " + indexBits);
        }
        this.indexBits = indexBits;
        this.fp16 = fp16;
    }

    @Override
    public String name() {
        return "csr_i" + indexBits + "_" + (fp16 ? "fp16" : "fp32");
    }

    @Override
    public boolean lossless() {
        return !fp16;
    }

    @Override
    public byte[] encode(CsrMatrix m) {
        if (indexBits == 16 && m.cols > 65536) {
            throw new EncodingLimitException(name() + ": " + m.cols + " columns do not fit 16-bit indices");
        }
        int nnz = m.nonZeros();
        long size = 4L * (m.rows + 1) + (long) nnz * (indexBits / 8 + (fp16 ? 2 : 4));
        EncodingLimitException.requireArray(name(), size);
        ByteBuffer b = ByteBuffer.allocate((int) size);
        for (int p : m.rowPtr) {
            b.putInt(p);
        }
        for (int c : m.colIdx) {
            if (indexBits == 16) {
                b.putShort((short) c);
            } else {
                b.putInt(c);
            }
        }
        for (float v : m.values) {
            if (fp16) {
                if (Math.abs(v) > Half.MAX) {
                    throw new EncodingLimitException(name() + ": " + v + " is beyond half precision (±65504)");
                }
                b.putShort(Half.fromFloat(v));
            } else {
                b.putFloat(v);
            }
        }
        return b.array();
    }

    /**
     * A weight below half precision's smallest subnormal is stored as ±0 in fp16; it is dropped here, as a matrix
     * holds no explicit zeros (and as the relative encoding drops it).
     */
    private static CsrMatrix withoutZeros(int rows, int cols, int[] ptr, int[] idx, float[] val) {
        int zeros = 0;
        for (float v : val) {
            zeros += v == 0f ? 1 : 0;
        }
        if (zeros == 0) {
            return new CsrMatrix(rows, cols, ptr, idx, val);
        }
        int[] keptPtr = new int[rows + 1];
        int[] keptIdx = new int[val.length - zeros];
        float[] keptVal = new float[val.length - zeros];
        int q = 0;
        for (int r = 0; r < rows; r++) {
            for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                if (val[p] != 0f) {
                    keptIdx[q] = idx[p];
                    keptVal[q++] = val[p];
                }
            }
            keptPtr[r + 1] = q;
        }
        return new CsrMatrix(rows, cols, keptPtr, keptIdx, keptVal);
    }

    @Override
    public CsrMatrix decode(byte[] data, int rows, int cols) {
        try {
            ByteBuffer b = ByteBuffer.wrap(data);
            int[] ptr = new int[rows + 1];
            for (int r = 0; r <= rows; r++) {
                ptr[r] = b.getInt();
                if (r == 0 ? ptr[0] != 0 : ptr[r] < ptr[r - 1]) {
                    throw new IllegalArgumentException("row pointers are not increasing from 0");
                }
            }
            int nnz = ptr[rows];
            if (nnz > (long) rows * cols || b.remaining() != nnz * (long) (indexBits / 8 + (fp16 ? 2 : 4))) {
                throw new IllegalArgumentException(nnz + " non-zeros do not match " + data.length + " bytes");
            }
            int[] idx = new int[nnz];
            for (int p = 0; p < nnz; p++) {
                idx[p] = indexBits == 16 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
            }
            float[] val = new float[nnz];
            for (int p = 0; p < nnz; p++) {
                val[p] = fp16 ? Half.toFloat(b.getShort()) : b.getFloat();
            }
            for (int r = 0; r < rows; r++) {
                for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                    if (idx[p] < 0 || idx[p] >= cols || (p > ptr[r] && idx[p] <= idx[p - 1])) {
                        throw new IllegalArgumentException("column index " + idx[p] + " out of order or range");
                    }
                    if (!Float.isFinite(val[p])) {
                        throw new IllegalArgumentException("value " + val[p] + " is not finite");
                    }
                }
            }
            return withoutZeros(rows, cols, ptr, idx, val);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(name() + ": data ends early", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
