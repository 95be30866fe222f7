package org.prune4j.sparse;

import org.prune4j.io.AtomicFile;
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
 * and retrained stays pruned). {@code .p4jm} is the customary extension ({@code .p4j} is {@link
 * org.prune4j.nn.NetworkFile}'s).
 */
public final class ModelFile {
    private static final byte[] MAGIC = {'P', '4', 'J', 'M'};
    private static final int VERSION = 1;

    private ModelFile() {
    }

    /**
     * @param network  the network
     * @param file     where to write (replaced atomically if it exists)
     * @param encoding how to store the weights
     * @return the file's size in bytes
     * @throws ModelFileException if it cannot be written (nothing is left behind)
     * @throws IllegalArgumentException if the encoding cannot hold a layer
     */
    public static long write(Network network, Path file, WeightEncoding encoding) {
        byte[] bytes = toBytes(network, encoding);
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
     */
    public static byte[] toBytes(Network network, WeightEncoding encoding) {
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
                for (float b : l.biasArray()) {
                    out.writeFloat(b);
                }
                byte[] w = encoding.encode(CsrMatrix.ofLayer(l));
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
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file " + file + ": " + e, e);
        }
        try {
            return fromBytes(bytes);
        } catch (ModelFileException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Floats per weight a layer's read holds at its peak (counted in the code: at 2, a 5000 × 4000 layer ran out of a 256 MB heap instead of being refused). */
    static final long HEAP_COPIES = 5;

    /**
     * A sparse encoding's few bytes may stand for a big layer, so unlike a dense file the file's size does not bound
     * what reading it allocates: a layer is read back dense, and one that cannot fit in this JVM's heap at all is
     * refused before anything is allocated for it. At its peak the read holds {@value #HEAP_COPIES} floats per
     * weight on the heap (the dense weights, the mask, and the copies the layer makes while masking).
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
        if (bytes.length < MAGIC.length + 5 || !java.util.Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
            throw new ModelFileException("not a compact prune4j model file (no P4JM header); a file saved with Network.save is read with Network.load", null);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new ModelFileException("damaged or truncated model file (checksum mismatch over " + bytes.length
                    + " bytes)", null);
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 4, bytes.length - 8));
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new ModelFileException("model file version " + version + " is not supported (this is "
                        + VERSION + ")", null);
            }
            WeightEncoding encoding = WeightEncoding.named(in.readUTF());
            String name = in.readUTF();
            int count = in.readInt();
            if (count < 1 || count > 10_000) {
                throw new ModelFileException("implausible layer count " + count, null);
            }
            List<DenseLayer> layers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String layer = in.readUTF();
                int inputs = in.readInt();
                int outputs = in.readInt();
                if (inputs < 1 || outputs < 1 || (long) inputs * outputs > Integer.MAX_VALUE) {
                    throw new ModelFileException("layer " + layer + " has an impossible shape " + inputs + " x " + outputs, null);
                }
                requireHeap(layer, inputs, outputs, Runtime.getRuntime().maxMemory());
                Activation activation = Activation.valueOf(in.readUTF());
                if ((long) outputs * Float.BYTES > in.available()) {
                    throw new ModelFileException("layer " + layer + " claims " + outputs + " outputs, more biases than"
                            + " the file holds", null);
                }
                float[] bias = new float[outputs];
                for (int j = 0; j < outputs; j++) {
                    bias[j] = in.readFloat();
                }
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new ModelFileException("layer " + layer + " claims " + length + " bytes of weights", null);
                }
                byte[] w = in.readNBytes(length);
                CsrMatrix m = encoding.decode(w, outputs, inputs);
                float[] weights = m.toDenseTransposed();
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
                throw new ModelFileException(in.available() + " unexpected trailing bytes", null);
            }
            return new Network(name, layers);
        } catch (EOFException e) {
            throw new ModelFileException("model file ends early", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException("malformed model file: " + e.getMessage(), e);
        }
    }
}
