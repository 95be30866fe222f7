package org.prune4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file of unsigned bytes (the format of MNIST and Fashion-MNIST), raw or gzipped.
 *
 * <p>Layout: two zero bytes, a type byte ({@code 0x08} = unsigned byte), the number of dimensions,
 * one big-endian int per dimension, then the data. The reader checks every part of that and that
 * the data is exactly as long as the dimensions say.
 *
 * <p>A value: equal dimensions and data, equal files. Arrays are copied in and out, except that a parsed file keeps
 * the payload it cut from the file's bytes and {@link LabeledImages} shares it (neither changes it nor hands it out):
 * MNIST's 47 MB of training images are copied once after reading instead of four times.
 */
public final class IdxFile {

    /** The IDX type code for unsigned bytes, the only type MNIST uses. */
    public static final int UNSIGNED_BYTE = 0x08;

    /** Magic number of an IDX file of unsigned-byte labels (one dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    /** Magic number of an IDX file of unsigned-byte images (three dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;

    private final int[] dimensions;
    private final byte[] data;

    /**
     * @param dimensions the size of each dimension, e.g. {@code [60000, 28, 28]} (copied)
     * @param data       the payload, one byte per element, row-major (copied)
     * @throws IllegalArgumentException if a dimension is negative or the data is not as long as they say
     */
    public IdxFile(int[] dimensions, byte[] data) {
        this(dimensions.clone(), data.clone(), true);
    }

    /** Keeps the arrays: callers pass arrays no one else holds. */
    private IdxFile(int[] dimensions, byte[] data, boolean handedOver) {
        long elements = 1;
        for (int d : dimensions) {
            if (d < 0) {
                throw new IllegalArgumentException("negative IDX dimension in " + Arrays.toString(dimensions));
            }
            elements = Math.min(elements * d, Long.MAX_VALUE / Integer.MAX_VALUE); // saturates, never wraps
        }
        if (dimensions.length == 0 || elements != data.length) {
            throw new IllegalArgumentException("IDX dimensions " + Arrays.toString(dimensions) + " do not hold "
                    + data.length + " bytes");
        }
        this.dimensions = dimensions;
        this.data = data;
    }

    /** @return the number of items (the first dimension) */
    public int count() {
        return dimensions[0];
    }

    /** @return the number of elements in one item (product of the other dimensions) */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) {
            size *= dimensions[i];
        }
        return size;
    }

    /** @return a copy of the dimensions, e.g. {@code [60000, 28, 28]} */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** @return a copy of the payload, one byte per element, row-major */
    public byte[] data() {
        return data.clone();
    }

    /** @return the payload itself, for {@link LabeledImages}, which never changes it or hands it out */
    byte[] sharedData() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxFile other && Arrays.equals(dimensions, other.dimensions)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxFile" + Arrays.toString(dimensions);
    }

    /**
     * Reads and validates an IDX file; a name ending in {@code .gz} is decompressed.
     *
     * @param file the file
     * @return the parsed file
     * @throws DataException if the file is missing, truncated, too long or not an unsigned-byte IDX file
     */
    public static IdxFile read(Path file) {
        return parse(file.toString(), readContents(file));
    }

    /**
     * Reads a file's bytes, decompressing it when its name ends in {@code .gz}.
     *
     * @param file the file
     * @return its (decompressed) contents
     * @throws DataException if it cannot be read or is not valid gzip
     */
    static byte[] readContents(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("IDX file " + file + " does not exist or is not a file");
        }
        try {
            if (!file.getFileName().toString().endsWith(".gz")) {
                return Files.readAllBytes(file);
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Files.size(file) * 4));
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new DataException("Cannot read IDX file " + file + " (" + e.getMessage()
                    + "); it is damaged or truncated: delete it and fetch it again", e);
        }
    }

    /**
     * Parses IDX bytes.
     *
     * @param name  the file name, for messages
     * @param bytes the (decompressed) contents
     * @return the parsed file
     * @throws DataException if the bytes are not a complete unsigned-byte IDX file
     */
    public static IdxFile parse(String name, byte[] bytes) {
        if (bytes.length < 4) {
            throw new DataException("IDX file " + name + " is truncated: " + bytes.length
                    + " bytes, not even a 4-byte header; delete it and fetch it again");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes); // big-endian, as IDX is
        int magic = buffer.getInt();
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
            throw new DataException(String.format(
                    "%s is not an unsigned-byte IDX file: magic number 0x%08x, expected 0x%08x (labels) or 0x%08x (images); "
                            + "delete it and fetch it again", name, magic, LABELS_MAGIC, IMAGES_MAGIC));
        }
        if (bytes.length < 4 + 4 * rank) {
            throw new DataException("IDX file " + name + " is truncated inside its header (" + bytes.length
                    + " bytes); delete it and fetch it again");
        }
        int[] dims = new int[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
            if (dims[i] < 0) {
                throw new DataException("IDX file " + name + " has a negative dimension " + dims[i] + "; it is damaged");
            }
            try {
                elements = Math.multiplyExact(elements, dims[i]);
            } catch (ArithmeticException e) {
                throw new DataException("IDX file " + name + " has a header " + Arrays.toString(Arrays.copyOf(dims, i + 1))
                        + "... whose element count overflows; it is damaged: delete it and fetch it again", e);
            }
        }
        long payload = bytes.length - 4L - 4L * rank;
        if (payload != elements) {
            throw new DataException("IDX file " + name + " has " + payload + " bytes of data but its header "
                    + Arrays.toString(dims) + " says " + elements + " ("
                    + (payload < elements ? "truncated" : "trailing bytes") + "); delete it and fetch it again");
        }
        return new IdxFile(dims, Arrays.copyOfRange(bytes, 4 + 4 * rank, bytes.length), true);
    }

    /**
     * Encodes dimensions and data as an IDX file of unsigned bytes (used by tests and by anyone writing a data set).
     *
     * @param dimensions the dimensions
     * @param data       the data, as long as the dimensions say
     * @return the file's bytes
     */
    public static byte[] encode(int[] dimensions, byte[] data) {
        // what read() accepts: ranks 1 to 4, no negative dimension, a size that fits in one array
        if (dimensions.length < 1 || dimensions.length > 4) {
            throw new IllegalArgumentException("an IDX file has 1 to 4 dimensions, got " + dimensions.length);
        }
        long elements = 1;
        for (int d : dimensions) {
            if (d < 0) {
                throw new IllegalArgumentException("dimensions must not be negative, got " + Arrays.toString(dimensions));
            }
            elements *= d;
            if (elements > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("dimensions " + Arrays.toString(dimensions)
                        + " hold more values than one array can");
            }
        }
        if (elements != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " bytes, dimensions "
                    + Arrays.toString(dimensions) + " need " + elements);
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        buffer.putInt((UNSIGNED_BYTE << 8) | dimensions.length);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        buffer.put(data);
        return buffer.array();
    }
}
