package org.prune4j.sparse;

/**
 * A weight matrix beyond what a {@link WeightEncoding} can hold: 16-bit indices for more than 65,536 columns, a
 * value beyond half precision, or more bytes than one Java array holds (for one matrix or a whole model file).
 * {@link Storage} leaves such an encoding out of its table (all but its dense float32 reference, whose file it needs);
 * {@link ModelFile#write} refuses it. Any other exception from an encoding is a bug and is let out.
 */
public final class EncodingLimitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Bytes one encoded matrix (or a whole model file) may take: the largest Java array. */
    static final long MAX_BYTES = org.prune4j.dense.InputCheck.MAX_VALUES;

    /** @param message what does not fit, and in which encoding */
    public EncodingLimitException(String message) {
        super(message);
    }

    /**
     * @param encoding the encoding's name
     * @param bytes    the bytes the matrix would take
     * @throws EncodingLimitException if they are more than one Java array holds
     */
    static void requireArray(String encoding, long bytes) {
        if (bytes > MAX_BYTES) {
            throw new EncodingLimitException(encoding + ": the matrix would take " + bytes + " bytes, more than one"
                    + " Java array holds (" + MAX_BYTES + "); store it in a sparser encoding or split the layer");
        }
    }
}
