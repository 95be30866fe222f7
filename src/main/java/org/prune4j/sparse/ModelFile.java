package org.prune4j.sparse;

import org.prune4j.io.AtomicFile;
import org.prune4j.dense.InputCheck;
import org.prune4j.nn.ModelFileException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.Activation;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

/**
 * A compact model file: a network's weights in one {@link WeightEncoding}, so that "bytes on disk" is a file size.
 *
 * <pre>{@code
 * long bytes = ModelFile.write(pruned, Path.of("lenet.p4jm"), WeightEncoding.relative(5));
 * Network back = ModelFile.read(Path.of("lenet.p4jm"));  // outputs equal pruned's to fp16 rounding
 * }</pre>
 *
 * <p>Layout (big-endian): magic {@code "P4JM"}, version byte, encoding name, network name, layer count; per layer
 * its name, inputs, outputs, activation, float32 biases and the encoded weights with their length; then the
 * CRC-32 of everything before it. Writing goes to a temporary file in the same folder that is renamed into place,
 * so a crash never leaves a half-written model under the real name. Masks are not stored: the sparse encodings
 * keep exactly the non-zero weights, so on reading every layer gets the mask of its non-zeros (a network read back
 * and retrained stays pruned). Dropout rates are not stored either: a network read back predicts as the one written
 * but trains without dropout ({@link org.prune4j.nn.NetworkFile}, {@code Network.save}, keeps everything needed to
 * train on). {@code .p4jm} is the customary extension ({@code .p4j} is {@link org.prune4j.nn.NetworkFile}'s).
 */
public final class ModelFile {
    private static final byte[] MAGIC = {'P', '4', 'J', 'M'};
    private static final int VERSION = 1;
    /** What to do about a file that is damaged or was not written by {@link #write}. */
    private static final String REWRITE = "; write it again from the network with ModelFile.write";

    private ModelFile() {
    }

    /**
     * @param network  the network
     * @param file     where to write (replaced atomically if it exists)
     * @param encoding how to store the weights
     * @return the file's size in bytes
     * @throws ModelFileException if it cannot be written, or if a parameter is NaN or infinite (a diverged
     *                            training); nothing is left behind, and an old file there is intact
     * @throws EncodingLimitException if the encoding cannot hold a layer
     */
    public static long write(Network network, Path file, WeightEncoding encoding) {
        byte[] bytes;
        try {
            bytes = toBytes(network, encoding);
        } catch (ModelFileException e) {
            throw new ModelFileException("Cannot write " + file + ": " + e.getMessage(), e.getCause());
        }
        try {
            AtomicFile.write(file, bytes);
            return bytes.length;
        } catch (IOException e) {
            throw new ModelFileException("could not write model file " + file + ": " + e, e);
        }
    }

    /**
     * @param network  the network
     * @param encoding how to store the weights
     * @return the file's bytes
     * @throws ModelFileException if a parameter is NaN or infinite (such a file could not be read back)
     * @throws EncodingLimitException if the encoding cannot hold a layer, or the file would exceed 2 GB
     */
    public static byte[] toBytes(Network network, WeightEncoding encoding) {
        long size = 0;
        for (DenseLayer l : network.layers()) {
            size += (long) l.outputs() * Float.BYTES;
        }
        EncodingLimitException.requireArray("model file of " + network.name(), size);
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeUTF(encoding.name());
            out.writeUTF(network.name());
            out.writeInt(network.layers().size());
            for (DenseLayer l : network.layers()) {
                out.writeUTF(l.name());
                out.writeInt(l.inputs());
                out.writeInt(l.outputs());
                out.writeUTF(l.activation().name());
                float[] bias = l.biasArray();
                float[] weights = l.weightArray();
                // before the CSR form, which refuses them without advice
                if (!InputCheck.isFinite(bias) || !InputCheck.isFinite(weights)) {
                    throw new ModelFileException("layer " + l.name() + " holds NaN or infinite parameters, so its"
                            + " training diverged (a learning rate too high?); train it again with a lower one."
                            + " Nothing was written", null);
                }
                for (float b : bias) {
                    out.writeFloat(b);
                }
                byte[] w = encoding.encode(CsrMatrix.ofWeights(weights, l.inputs(), l.outputs()));
                // with this layer's length field and the closing checksum
                EncodingLimitException.requireArray("model file of " + network.name(), (long) buffer.size()
                        + w.length + Integer.BYTES * 2L);
                out.writeInt(w.length);
                out.write(w);
            }
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeInt((int) crc.getValue());
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /**
     * @param file a model file
     * @return the network it holds
     * @throws ModelFileException naming the file if it is missing, truncated, damaged or not a model file
     */
    public static Network read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModelFileException("cannot read model file " + file + ": " + (Files.exists(file)
                        ? "it is not a regular file" : "there is no such file") + "; check the path", null);
            }
            // the header before the whole file: a big file of another kind is named, not loaded into the heap
            try (var in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(MAGIC.length);
                if (!java.util.Arrays.equals(head, MAGIC)) {
                    throw new ModelFileException(file + ": " + NOT_A_MODEL_FILE, null);
                }
            }
            long size = Files.size(file);
            if (size > EncodingLimitException.MAX_BYTES) {
                throw new ModelFileException(file + " is " + size + " bytes, more than ModelFile.write ever writes"
                        + " (2 GB); it is damaged" + REWRITE, null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file " + file + ": " + e
                    + "; check that it exists and is readable", e);
        }
        try {
            return fromBytes(bytes);
        } catch (ModelFileException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Floats per weight a layer's read holds at its peak (counted in the code: at 2, a 5000 × 4000 layer ran out of a 256 MB heap instead of being refused). */
    static final long HEAP_COPIES = 5;

    private static final String NOT_A_MODEL_FILE = "not a compact prune4j model file (no P4JM header); a file saved"
            + " with Network.save is read with Network.load";

    /**
     * A sparse encoding's few bytes may stand for a big layer, so unlike a dense file the file's size does not bound
     * what reading it allocates: a layer is read back dense, and one that cannot fit in this JVM's heap at all is
     * refused before anything is allocated for it. At its peak the read holds {@value #HEAP_COPIES} floats per
     * weight on the heap (the dense weights, the mask, and the copies the layer makes while masking), besides the
     * file's bytes, which are already read.
     */
    static void requireHeap(String layer, int inputs, int outputs, long maxHeap) {
        long bytes = HEAP_COPIES * Float.BYTES * inputs * outputs;
        if (bytes > maxHeap) {
            throw new ModelFileException("layer " + layer + " is " + inputs + " x " + outputs + ": reading it back"
                    + " dense needs " + size(bytes) + " of heap for its weights, mask and their copies, more than this JVM's maximum"
                    + " heap of " + size(maxHeap) + "; read it in a JVM started with a larger -Xmx", null);
        }
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30
                ? String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    /**
     * @param bytes a model file's contents
     * @return the network
     * @throws ModelFileException if they are truncated, damaged or not a model file
     */
    public static Network fromBytes(byte[] bytes) {
        if (bytes.length < MAGIC.length || !java.util.Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
            throw new ModelFileException(NOT_A_MODEL_FILE, null);
        }
        if (bytes.length < MAGIC.length + 5) {
            throw new ModelFileException("truncated model file: " + bytes.length + " bytes, not even a header"
                    + REWRITE, null);
        }
        int version = bytes[MAGIC.length] & 0xff;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new ModelFileException("damaged or truncated model file (checksum mismatch over " + bytes.length
                    + " bytes" + (version != VERSION ? "; its version byte reads " + version : "") + ")" + REWRITE,
                    null);
        }
        // a sound file of another format version is not a damaged file (the checksum has always closed the file)
        if (version != VERSION) {
            throw new ModelFileException("model file format version " + version + ", which this prune4j (format "
                    + VERSION + ") cannot read; read it with the prune4j that wrote it, or write it again from the"
                    + " network with this one", null);
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 5, bytes.length - 9));
            WeightEncoding encoding = WeightEncoding.named(in.readUTF());
            String name = in.readUTF();
            int count = in.readInt();
            if (count < 1 || count > 10_000) {
                throw new ModelFileException("implausible layer count " + count + REWRITE, null);
            }
            List<DenseLayer> layers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String layer = in.readUTF();
                int inputs = in.readInt();
                int outputs = in.readInt();
                if (inputs < 1 || outputs < 1 || (long) inputs * outputs > Integer.MAX_VALUE) {
                    throw new ModelFileException("layer " + layer + " has an impossible shape " + inputs + " x "
                            + outputs + REWRITE, null);
                }
                requireHeap(layer, inputs, outputs, Runtime.getRuntime().maxMemory());
                Activation activation = Activation.valueOf(in.readUTF());
                if ((long) outputs * Float.BYTES > in.available()) {
                    throw new ModelFileException("layer " + layer + " claims " + outputs + " outputs, more biases than"
                            + " the file holds" + REWRITE, null);
                }
                float[] bias = new float[outputs];
                for (int j = 0; j < outputs; j++) {
                    bias[j] = in.readFloat();
                }
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new ModelFileException("layer " + layer + " claims " + length + " bytes of weights, more"
                            + " than the file holds" + REWRITE, null);
                }
                // the encoded copy and the decoded matrix are dropped as soon as the dense weights exist
                float[] weights = encoding.decode(in.readNBytes(length), outputs, inputs).toDenseTransposed();
                DenseLayer dense = new DenseLayer(layer,
                        Nd4j.create(weights, new long[] {inputs, outputs}, DataType.FLOAT),
                        Nd4j.create(bias, new long[] {1, outputs}, DataType.FLOAT), activation);
                float[] mask = new float[weights.length];
                boolean pruned = false;
                for (int j = 0; j < weights.length; j++) {
                    mask[j] = weights[j] != 0f ? 1f : 0f;
                    pruned |= weights[j] == 0f;
                }
                if (pruned) {
                    dense.setMask(Nd4j.create(mask, new long[] {inputs, outputs}, DataType.FLOAT));
                }
                layers.add(dense);
            }
            if (in.available() != 0) {
                throw new ModelFileException(in.available() + " unexpected trailing bytes" + REWRITE, null);
            }
            return new Network(name, layers);
        } catch (EOFException e) {
            throw new ModelFileException("model file ends early" + REWRITE, e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException("malformed model file: " + e.getMessage() + REWRITE, e);
        }
    }
}
