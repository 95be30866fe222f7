package org.prune4j.sparse;

import java.util.List;

/**
 * A way to store a layer's weight matrix as bytes, with its exact inverse: every size reported by {@link Storage}
 * comes from really encoding, and every encoding is checked by decoding.
 *
 * <p>The standard encodings, from plain to Deep-Compression-like:
 * <ul>
 * <li>{@code dense_fp32}: every weight, 4 bytes;</li>
 * <li>{@code csr_i32_fp32}, {@code csr_i16_fp32}, {@code csr_i16_fp16}: CSR with int32 row pointers, 32- or 16-bit
 * column indices and 32- or 16-bit values;</li>
 * <li>{@code relative_iN_fp16}: Han et al.'s relative indexing, each non-zero as an N-bit gap since the previous
 * one plus an fp16 value, with a filler zero entry when a gap overflows N bits;</li>
 * <li>{@code relative_iN_kK}: the same with weight sharing (Deep Compression): values are K-bit codes into a
 * codebook of 2^K − 1 centroids found by k-means (linear initialisation), code 0 meaning zero.</li>
 * </ul>
 *
 * <p>The interface is sealed: a model file names its encoding, and reading it back looks the encoding up by that
 * name, so only these encodings can be written.
 */
public sealed interface WeightEncoding permits DenseEncoding, CsrEncoding, RelativeEncoding {

    /** @return the name, which also identifies it in a model file, e.g. "relative_i5_fp16" */
    String name();

    /** @return whether decoding gives back exactly the same matrix */
    boolean lossless();

    /**
     * @param m a layer's weights in CSR form ({@code [out × in]})
     * @return the bytes
     * @throws EncodingLimitException if this encoding cannot hold the matrix (e.g. 16-bit indices for more than
     *                                65,536 columns, fp16 for a value beyond ±65504)
     */
    byte[] encode(CsrMatrix m);

    /**
     * @param data bytes from {@link #encode}
     * @param rows rows of the matrix
     * @param cols columns
     * @return the matrix
     * @throws IllegalArgumentException if the bytes are not a valid encoding of such a matrix
     */
    CsrMatrix decode(byte[] data, int rows, int cols);

    /** @return dense float32 */
    static WeightEncoding denseFp32() {
        return new DenseEncoding();
    }

    /**
     * @param indexBits 32 or 16
     * @param fp16      whether values are stored in half precision
     * @return CSR with int32 row pointers
     */
    static WeightEncoding csr(int indexBits, boolean fp16) {
        return new CsrEncoding(indexBits, fp16);
    }

    /**
     * @param indexBits bits per relative index (gap), 1..16
     * @return relative indexing with fp16 values
     */
    static WeightEncoding relative(int indexBits) {
        return new RelativeEncoding(indexBits, 0);
    }

    /**
     * @param indexBits bits per relative index
     * @param codeBits  bits per weight code, 2..16: a codebook of {@code 2^codeBits − 1} shared weights
     * @return relative indexing with weight sharing
     */
    static WeightEncoding shared(int indexBits, int codeBits) {
        if (codeBits < 2) {
            throw new IllegalArgumentException("weight sharing needs at least 2 code bits, got " + codeBits);
        }
        return new RelativeEncoding(indexBits, codeBits);
    }

    /** @return the encodings {@link Storage} reports by default */
    static List<WeightEncoding> standard() {
        return List.of(denseFp32(), csr(32, false), csr(16, false), csr(16, true), relative(4), relative(5),
                shared(5, 6), shared(5, 5), shared(4, 4));
    }

    /**
     * @param name a name as returned by {@link #name()}
     * @return that encoding
     * @throws IllegalArgumentException for an unknown name
     */
    static WeightEncoding named(String name) {
        try {
            if (name.equals("dense_fp32")) {
                return denseFp32();
            }
            String[] p = name.split("_");
            if (p.length == 3 && p[0].equals("csr") && p[1].startsWith("i")) {
                return csr(Integer.parseInt(p[1].substring(1)), switch (p[2]) {
                    case "fp16" -> true;
                    case "fp32" -> false;
                    default -> throw new IllegalArgumentException(p[2]);
                });
            }
            if (p.length == 3 && p[0].equals("relative") && p[1].startsWith("i")) {
                int index = Integer.parseInt(p[1].substring(1));
                if (p[2].equals("fp16")) {
                    return relative(index);
                }
                if (p[2].startsWith("k")) {
                    return shared(index, Integer.parseInt(p[2].substring(1)));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown weight encoding '" + name + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("unknown weight encoding '" + name + "'");
    }
}
