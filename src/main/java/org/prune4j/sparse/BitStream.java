package org.prune4j.sparse;

import java.io.ByteArrayOutputStream;

/** Fixed-width fields packed into bytes, most significant bit first: what the compact encodings are made of. */
final class BitStream {
    private BitStream() {
    }

    /** Appends fields of 1 to 32 bits. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int bits;

        void write(int value, int width) {
            if (width < 1 || width > 32 || (width < 32 && (value >>> width) != 0)) {
                throw new IllegalArgumentException(value + " does not fit in " + width + " bits");
            }
            buffer = (buffer << width) | (value & 0xffffffffL);
            bits += width;
            while (bits >= 8) {
                bits -= 8;
                out.write((int) (buffer >>> bits) & 0xff);
            }
            buffer &= (1L << bits) - 1;
        }

        /** @return the bytes, the last one padded with zero bits */
        byte[] toBytes() {
            if (bits > 0) {
                out.write((int) (buffer << (8 - bits)) & 0xff);
                bits = 0;
                buffer = 0;
            }
            return out.toByteArray();
        }
    }

    /** Reads fields back in the order they were written. */
    static final class Reader {
        private final byte[] data;
        private int pos;
        private long buffer;
        private int bits;

        Reader(byte[] data, int offset) {
            this.data = data;
            this.pos = offset;
        }

        int read(int width) {
            while (bits < width) {
                if (pos >= data.length) {
                    throw new IllegalArgumentException("bit stream ends early (truncated data)");
                }
                buffer = (buffer << 8) | (data[pos++] & 0xff);
                bits += 8;
            }
            bits -= width;
            int v = (int) ((buffer >>> bits) & ((1L << width) - 1));
            buffer &= (1L << bits) - 1;
            return v;
        }
    }
}
