package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkFileTest {
    @TempDir
    Path tmp;

    private static Network masked() {
        Network net = Networks.mlp("m", 9, 20, 12, 4);
        float[] m = new float[20 * 12];
        for (int i = 0; i < m.length; i++) {
            m[i] = i % 3 == 0 ? 0f : 1f;
        }
        net.layer(0).setMask(Nd4j.create(m, new long[] {20, 12}, DataType.FLOAT));
        net.layer(1).setDropout(0.25);
        return net;
    }

    @Test
    void roundTripIsBitExact() {
        Network net = masked();
        Path file = tmp.resolve("net.p4j");
        net.save(file);
        Network back = Network.load(file);
        assertEquals("m", back.name());
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(net.layer(l).weightArray(), back.layer(l).weightArray());
            assertArrayEquals(net.layer(l).biasArray(), back.layer(l).biasArray());
            assertEquals(net.layer(l).hasMask(), back.layer(l).hasMask());
            assertEquals(net.layer(l).dropout(), back.layer(l).dropout());
            assertEquals(net.layer(l).name(), back.layer(l).name());
            assertEquals(net.layer(l).activation(), back.layer(l).activation());
        }
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, net.inputs());
        assertArrayEquals(HostCopy.toFloats(net.output(x)), HostCopy.toFloats(back.output(x)), "same outputs");
        assertArrayEquals(HostCopy.toFloats(net.layer(0).mask().orElseThrow()), HostCopy.toFloats(back.layer(0).mask().orElseThrow()));
    }

    @Test
    void damagedAndForeignFilesAreRejected() throws IOException {
        Path file = tmp.resolve("net.p4j");
        masked().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 1;
        Path flipped = Files.write(tmp.resolve("flipped"), bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(flipped));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        Path cut = Files.write(tmp.resolve("cut"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(ModelFileException.class, () -> Network.load(cut));
        Path text = Files.writeString(tmp.resolve("text"), "hello there, not a model at all");
        assertTrue(assertThrows(ModelFileException.class, () -> Network.load(text)).getMessage().contains("not a prune4j model"));
    }

    @Test
    void aShapeBiggerThanTheFileIsRejectedBeforeAllocating() throws IOException {
        Network net = masked();
        Path file = tmp.resolve("net.p4j");
        net.save(file);
        byte[] bytes = Files.readAllBytes(file);
        // magic (8), version (4), name "m" (2 + 1), layer count (4), first layer's name, then its inputs
        int at = 8 + 4 + 3 + 4 + 2 + net.layer(0).name().length();
        for (int inputs : new int[] {100_000, -9, 0x40000000}) {
            java.nio.ByteBuffer.wrap(bytes, at, 4).putInt(inputs);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
            Path forged = Files.write(tmp.resolve("forged"), bytes);
            ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(forged));
            assertTrue(e.getMessage().contains("claims " + inputs + " x 12 weights"), e.getMessage());
        }
    }

    @Test
    void differentShapeIsRejectedAndNothingChanges() {
        Path file = tmp.resolve("net.p4j");
        masked().save(file);
        Network other = Networks.mlp("o", 1, 20, 10, 4);
        float[] before = other.layer(0).weightArray();
        ModelFileException e = assertThrows(ModelFileException.class, () -> NetworkFile.loadInto(other, file));
        assertTrue(e.getMessage().contains("20x12") && e.getMessage().contains("20x10"), e.getMessage());
        assertArrayEquals(before, other.layer(0).weightArray());
        Network same = Networks.mlp("s", 1, 20, 12, 4);
        NetworkFile.loadInto(same, file);
        assertTrue(same.layer(0).hasMask());
        assertArrayEquals(masked().layer(0).weightArray(), same.layer(0).weightArray());
    }

    @Test
    void failedWriteLeavesWhatWasThereIntact() throws IOException {
        // the rename onto the target fails when the target is a non-empty folder: the same path, a real failure
        Path target = Files.createDirectory(tmp.resolve("net.p4j"));
        Path inside = Files.writeString(target.resolve("keep.txt"), "what was there before");
        ModelFileException e = assertThrows(ModelFileException.class, () -> masked().save(target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertEquals("what was there before", Files.readString(inside));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("net.p4j"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left beside it");
        }
    }

    @Test
    void aDivergedNetworkIsRefusedBeforeAnythingIsWritten() throws IOException {
        Network net = Networks.mlp("diverged", 1, 6, 4, 2);
        net.layer(1).weights().putScalar(2, 1, Float.NaN); // what a training with too high a rate leaves
        Path file = tmp.resolve("diverged.p4j");
        ModelFileException e = assertThrows(ModelFileException.class, () -> net.save(file));
        assertTrue(e.getMessage().contains("fc2") && e.getMessage().contains("diverged"), e.getMessage());
        assertEquals(List.of(), names(tmp), "nothing written");
    }

    @Test
    void namesAreCheckedWhereTheyAreGiven() {
        List<DenseLayer> layers = List.of(DenseLayer.initialized("fc1", 3, 2, Activation.RELU, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Network(null, layers))
                .getMessage().contains("non-blank name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Network("n".repeat(10_001), layers))
                .getMessage().contains("at most 10000 characters"));
        // the longest name allowed, in characters of 3 bytes each, still fits a model file
        Network longest = new Network("€".repeat(10_000), layers);
        Path longFile = tmp.resolve("long.p4j");
        longest.save(longFile);
        assertEquals(longest.name(), Network.load(longFile).name());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Networks.mlp("huge", 1, 50_000, 50_000)).getMessage().contains("do not fit in one Java array"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> longest.output(Nd4j.create(DataType.FLOAT, 0, 3))).getMessage().contains("batch 0"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
