package org.prune4j.sparse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Han et al.'s relative indexing: the {@code [out × in]} matrix is read row after row as one long vector, and each
 * non-zero is stored as the number of zeros since the previous one in {@code indexBits} bits, followed by its value
 * (fp16, or a {@code codeBits}-bit code into a k-means codebook). A gap too long for {@code indexBits} is bridged by
 * filler entries of the largest gap with value zero.
 *
 * <p>Lossy in a second way too: a weight whose magnitude rounds to zero in fp16 (below 2<sup>-25</sup>) is stored
 * as zero and is read back as a pruned weight (so the number of non-zeros can drop on a round trip); trained weights
 * are many orders of magnitude larger.
 *
 * <p>Bytes: int32 entry count, the codebook as float32 (weight sharing only), then the packed entries.
 */
final class RelativeEncoding implements WeightEncoding {
    private final int indexBits;
    private final int codeBits;

    RelativeEncoding(int indexBits, int codeBits) {
        if (indexBits < 1 || indexBits > 16) {
            throw new IllegalArgumentException("relative indices take 1 to 16 bits, got " + indexBits);
        }
        if (codeBits != 0 && (codeBits < 2 || codeBits > 16)) {
            throw new IllegalArgumentException("weight codes take 2 to 16 bits, got " + codeBits);
        }
        this.indexBits = indexBits;
        this.codeBits = codeBits;
    }

    @Override
    public String name() {
        return "relative_i" + indexBits + "_" + (codeBits == 0 ? "fp16" : "k" + codeBits);
    }

    @Override
    public boolean lossless() {
        return false;
    }

    private int valueBits() {
        return codeBits == 0 ? 16 : codeBits;
    }

    @Override
    public byte[] encode(CsrMatrix m) {
        Codebook book = codeBits == 0 ? null : Codebook.fit(m.values, (1 << codeBits) - 1);
        int maxGap = (1 << indexBits) - 1;
        List<int[]> entries = new ArrayList<>();
        long previous = -1;
        for (int r = 0; r < m.rows; r++) {
            for (int p = m.rowPtr[r]; p < m.rowPtr[r + 1]; p++) {
                long position = (long) r * m.cols + m.colIdx[p];
                long gap = position - previous - 1;
                while (gap > maxGap) {
                    entries.add(new int[] {maxGap, 0}); // filler: skips maxGap zeros and stores a zero
                    gap -= maxGap + 1;
                }
                float v = m.values[p];
                int code;
                if (book == null) {
                    if (Math.abs(v) > Half.MAX) {
                        throw new EncodingLimitException(name() + ": " + v + " is beyond half precision (±65504)");
                    }
                    code = Half.fromFloat(v) & 0xffff;
                } else {
                    code = 1 + book.nearest(v);
                }
                entries.add(new int[] {(int) gap, code});
                previous = position;
            }
        }
        BitStream.Writer bits = new BitStream.Writer();
        for (int[] e : entries) {
            bits.write(e[0], indexBits);
            bits.write(e[1], valueBits());
        }
        byte[] packed = bits.toBytes();
        int bookBytes = book == null ? 0 : book.centroids.length * Float.BYTES;
        ByteBuffer b = ByteBuffer.allocate(4 + bookBytes + packed.length);
        b.putInt(entries.size());
        if (book != null) {
            for (float c : book.centroids) {
                b.putFloat(c);
            }
        }
        b.put(packed);
        return b.array();
    }

    @Override
    public CsrMatrix decode(byte[] data, int rows, int cols) {
        try {
            ByteBuffer b = ByteBuffer.wrap(data);
            int count = b.getInt();
            float[] book = null;
            if (codeBits > 0) {
                book = new float[(1 << codeBits) - 1];
                for (int i = 0; i < book.length; i++) {
                    book[i] = b.getFloat();
                }
            }
            long bitsNeeded = (long) count * (indexBits + valueBits());
            if (count < 0 || b.remaining() != (bitsNeeded + 7) / 8) {
                throw new IllegalArgumentException(count + " entries do not match " + data.length + " bytes");
            }
            BitStream.Reader in = new BitStream.Reader(data, b.position());
            long total = (long) rows * cols;
            int[] ptr = new int[rows + 1];
            int[] idx = new int[count];
            float[] val = new float[count];
            int nnz = 0;
            long position = -1;
            int row = 0;
            for (int e = 0; e < count; e++) {
                position += 1 + in.read(indexBits);
                int code = in.read(valueBits());
                if (position >= total) {
                    throw new IllegalArgumentException("an entry lies past the end of the matrix");
                }
                float v = book == null ? Half.toFloat((short) code) : code == 0 ? 0f : book[code - 1];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("value " + v + " is not finite");
                }
                if (v == 0f) {
                    continue; // a filler (or a weight that rounded to zero)
                }
                int r = (int) (position / cols);
                while (row < r) {
                    ptr[++row] = nnz;
                }
                idx[nnz] = (int) (position % cols);
                val[nnz++] = v;
            }
            while (row < rows) {
                ptr[++row] = nnz;
            }
            return new CsrMatrix(rows, cols, ptr, java.util.Arrays.copyOf(idx, nnz), java.util.Arrays.copyOf(val, nnz));
        } catch (java.nio.BufferUnderflowException e) {
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
