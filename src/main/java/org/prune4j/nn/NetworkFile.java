package org.prune4j.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.io.AtomicFile;

/**
 * Saves a network with its masks and dropout rates to one file and loads it back bit-exactly.
 *
 * <p>Format (big-endian): magic {@code PRUNE4J\0}, version, name, layer count, then per layer its name,
 * inputs, outputs, activation, dropout, weights and bias as float32 bits and the mask as packed bits; a CRC-32
 * of everything closes the file. Writes go to a temporary file that is renamed over the target, so a failure
 * leaves the old file intact.
 */
public final class NetworkFile {
    private static final byte[] MAGIC = {'P', 'R', 'U', 'N', 'E', '4', 'J', 0};
    private static final int VERSION = 1;

    private NetworkFile() {
    }

    /**
     * @param network the network
     * @param file    the target file (replaced atomically)
     * @throws ModelFileException if it cannot be written, or if a parameter is NaN or infinite (a diverged training:
     *                            such a file could not be loaded); the old file, if any, is intact
     */
    public static void save(Network network, Path file) {
        write(network, file);
    }

    /** {@link #save}, returning the bytes written (what a checkpoint records the checksum of). */
    static byte[] write(Network network, Path file) {
        byte[] bytes = encode(network, file); // before anything is written: it refuses non-finite parameters
        try {
            AtomicFile.write(file, bytes);
        } catch (IOException e) {
            throw new ModelFileException("Cannot save " + network.name() + " to " + file + ": " + e.getMessage()
                    + "; check that the folder is writable and the disk has room", e);
        }
        return bytes;
    }

    private static boolean finite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param file a file written by {@link #save}
     * @return the network
     * @throws ModelFileException if the file is missing, damaged or not a prune4j model
     */
    public static Network load(Path file) {
        return decode(read(file), file);
    }

    /**
     * @param file a file to read whole
     * @return its bytes
     * @throws ModelFileException if it is missing, unreadable or bigger than a model file can be
     */
    static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new ModelFileException(file + " is " + size + " bytes, more than Network.save writes"
                        + " (2 GB); it is not a prune4j model file");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelFileException("Cannot read model file " + file + ": there is no such file; check the path"
                    + " (Checkpoint.at(file).loadOrTrain(...) trains and saves it when it is missing)", e);
        } catch (IOException e) {
            throw new ModelFileException("Cannot read model file " + file + ": " + e
                    + "; check that it is a readable file", e);
        }
    }

    /**
     * @param bytes a model file's bytes
     * @param file  where they were read from, for the messages
     * @return the network they hold
     * @throws ModelFileException if they are damaged or not a prune4j model
     */
    static Network decode(byte[] bytes, Path file) {
        if (bytes.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new ModelFileException(file + " is not a prune4j model file (no PRUNE4J header); save one with Network.save (a compact file written by ModelFile.write is read with ModelFile.read)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new ModelFileException(file + " is damaged (checksum mismatch: truncated or altered); save the model again");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - 8 - MAGIC.length))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new ModelFileException(file + " has format version " + version + ", this prune4j reads "
                        + VERSION + "; load it with the prune4j that saved it, or save the network again with this one");
            }
            String name = in.readUTF();
            int count = in.readInt();
            List<DenseLayer> layers = new ArrayList<>();
            for (int l = 0; l < count; l++) {
                String layerName = in.readUTF();
                int inputs = in.readInt();
                int outputs = in.readInt();
                Activation activation = Activation.valueOf(in.readUTF());
                double dropout = in.readDouble();
                boolean hasMask = in.readBoolean();
                // every weight and bias is stored, so the bytes left bound what a sound layer can claim: a header
                // that claims more is rejected before anything is allocated for it
                long floats = (long) inputs * outputs + outputs;
                if (inputs < 1 || outputs < 1 || floats * Float.BYTES > in.available()) {
                    throw new ModelFileException(file + " is damaged: layer " + layerName + " claims " + inputs
                            + " x " + outputs + " weights, more than the " + in.available()
                            + " bytes left in the file hold; save the model again");
                }
                float[] w = readFloats(in, inputs * outputs);
                float[] b = readFloats(in, outputs);
                DenseLayer layer = new DenseLayer(layerName, Nd4j.create(w, new long[] {inputs, outputs}, DataType.FLOAT),
                        Nd4j.create(b, new long[] {1, outputs}, DataType.FLOAT), activation);
                layer.setDropout(dropout);
                if (hasMask) {
                    byte[] packed = new byte[(inputs * outputs + 7) / 8];
                    in.readFully(packed);
                    float[] m = new float[inputs * outputs];
                    for (int i = 0; i < m.length; i++) {
                        m[i] = (packed[i >>> 3] >>> (i & 7) & 1) == 1 ? 1f : 0f;
                    }
                    // the weights were saved masked already; setMask must not change them
                    layer.setMask(Nd4j.create(m, new long[] {inputs, outputs}, DataType.FLOAT));
                }
                layers.add(layer);
            }
            return new Network(name, layers);
        } catch (EOFException e) {
            throw new ModelFileException(file + " is truncated; save the model again", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(file + " is damaged: " + e.getMessage() + "; save the model again", e);
        }
    }

    /**
     * Loads parameters, masks and dropout rates from {@code file} into {@code network}, which must have the same
     * layers (names and shapes).
     *
     * @param network the network to overwrite
     * @param file    a saved model
     * @throws ModelFileException if the file's layers differ; the network is then unchanged
     */
    public static void loadInto(Network network, Path file) {
        Network saved = load(file);
        List<String> expected = describe(network);
        List<String> found = describe(saved);
        if (!expected.equals(found)) {
            throw new ModelFileException(file + " holds a network of shape " + found + " but " + network.name()
                    + " has " + expected + "; load it with Network.load instead");
        }
        for (int l = 0; l < network.layers().size(); l++) {
            DenseLayer target = network.layer(l);
            DenseLayer source = saved.layer(l);
            target.weights().assign(source.weights());
            target.bias().assign(source.bias());
            target.setDropout(source.dropout());
            if (source.hasMask()) {
                target.setMask(source.mask().orElseThrow());
            } else {
                target.clearMask();
            }
        }
    }

    private static List<String> describe(Network network) {
        return network.layers().stream()
                .map(l -> l.name() + " " + l.inputs() + "x" + l.outputs() + " " + l.activation().name()).toList();
    }

    private static byte[] encode(Network network, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(network.name());
            out.writeInt(network.layers().size());
            for (DenseLayer layer : network.layers()) {
                out.writeUTF(layer.name());
                out.writeInt(layer.inputs());
                out.writeInt(layer.outputs());
                out.writeUTF(layer.activation().name());
                out.writeDouble(layer.dropout());
                out.writeBoolean(layer.hasMask());
                float[] w = layer.weightArray();
                float[] b = layer.biasArray();
                if (!finite(w) || !finite(b)) {
                    throw new ModelFileException("Cannot save " + network.name() + " to " + file + ": layer "
                            + layer.name() + " holds NaN or infinite parameters, so its training diverged (a learning"
                            + " rate too high?); train it again with a lower one. Nothing was written");
                }
                writeFloats(out, w);
                writeFloats(out, b);
                if (layer.hasMask()) {
                    float[] m = HostCopy.toFloats(layer.liveMask());
                    byte[] packed = new byte[(m.length + 7) / 8];
                    for (int i = 0; i < m.length; i++) {
                        if (m[i] != 0f) {
                            packed[i >>> 3] |= (byte) (1 << (i & 7));
                        }
                    }
                    out.write(packed);
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 4);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        byte[] raw = new byte[count * 4];
        in.readFully(raw);
        float[] out = new float[count];
        java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(out);
        return out;
    }
}
