package org.prune4j.sparse;

import org.prune4j.nn.ModelFileException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.Network;

import tech.tablesaw.api.Table;

class ModelFileTest {
    @TempDir
    Path dir;

    private static INDArray input(int inputs) {
        return Nd4j.create(SparseFixtures.gaussian(8 * inputs, 3), new long[] {8, inputs}, DataType.FLOAT);
    }

    @Test
    void writesAtomicallyAndReadsBackTheSameNetwork() throws IOException {
        Network net = SparseFixtures.prunedMlp(5, 0.9, 50, 30, 10);
        Path file = dir.resolve("net.p4j");
        long size = ModelFile.write(net, file, WeightEncoding.csr(32, false));
        assertEquals(Files.size(file), size);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        Network back = ModelFile.read(file);
        assertEquals(net.name(), back.name());
        assertEquals(net.layerNames(), back.layerNames());
        assertEquals(net.nonZeroWeights(), back.nonZeroWeights());
        for (int l = 0; l < back.layers().size(); l++) {
            assertEquals(net.layer(l).nonZeroWeights(),
                    back.layer(l).mask().orElseThrow().sumNumber().longValue(), "the mask keeps exactly the non-zeros");
        }
        assertArrayEquals(net.output(input(50)).data().asFloat(), back.output(input(50)).data().asFloat());
        // overwriting replaces the file
        long smaller = ModelFile.write(net, file, WeightEncoding.relative(5));
        assertTrue(smaller < size);
        float[] a = net.output(input(50)).data().asFloat();
        float[] b = ModelFile.read(file).output(input(50)).data().asFloat();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-2 * Math.max(1, Math.abs(a[i])), "fp16 weights");
        }
    }

    @Test
    void damagedFilesFailClearly() throws IOException {
        Network net = SparseFixtures.prunedMlp(5, 0.5, 20, 10);
        Path file = dir.resolve("m.p4j");
        ModelFile.write(net, file, WeightEncoding.relative(5));
        byte[] bytes = Files.readAllBytes(file);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Path f1 = Files.write(dir.resolve("flipped.p4j"), flipped);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(f1));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("flipped.p4j"), e.getMessage());

        Path f2 = Files.write(dir.resolve("cut.p4j"), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        e = assertThrows(ModelFileException.class, () -> ModelFile.read(f2));
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());

        Path f3 = Files.write(dir.resolve("text.p4j"), "hello, world".getBytes());
        e = assertThrows(ModelFileException.class, () -> ModelFile.read(f3));
        assertTrue(e.getMessage().contains("not a compact prune4j model file"), e.getMessage());

        e = assertThrows(ModelFileException.class, () -> ModelFile.read(dir.resolve("missing.p4j")));
        assertTrue(e.getMessage().contains("missing.p4j") && e.getMessage().contains("no such file"), e.getMessage());

        // a header cut short is truncated, not "no header"
        Path f4 = Files.write(dir.resolve("short.p4j"), java.util.Arrays.copyOf(bytes, 6));
        e = assertThrows(ModelFileException.class, () -> ModelFile.read(f4));
        assertTrue(e.getMessage().contains("truncated model file: 6 bytes") && e.getMessage().contains("ModelFile.write"),
                e.getMessage());

        // a sound file of another format version (its checksum right) is named as such, not as damaged
        byte[] newer = bytes.clone();
        newer[4] = 2;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(newer, 0, newer.length - 4);
        java.nio.ByteBuffer.wrap(newer, newer.length - 4, 4).putInt((int) crc.getValue());
        e = assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(newer));
        assertTrue(e.getMessage().contains("format version 2") && e.getMessage().contains("cannot read"),
                e.getMessage());
        // and a damaged one whose version byte was hit says both
        byte[] hit = bytes.clone();
        hit[4] = 7;
        e = assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(hit));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains("version byte reads 7"),
                e.getMessage());
    }

    @Test
    void aDivergedNetworkIsRefusedAndNothingIsWritten() {
        Network net = SparseFixtures.prunedMlp(5, 0.5, 20, 10);
        net.layer(0).bias().putScalar(0, 3, Float.NaN);
        Path file = dir.resolve("diverged.p4jm");
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelFile.write(net, file, WeightEncoding.relative(5)));
        assertTrue(e.getMessage().contains("diverged.p4jm") && e.getMessage().contains("layer fc1 holds NaN")
                && e.getMessage().contains("lower"), e.getMessage());
        assertTrue(!Files.exists(file), "nothing written");
        // a NaN weight too (found before the layer's CSR form, which would refuse it without saying what to do)
        Network weights = SparseFixtures.prunedMlp(5, 0.5, 20, 10);
        weights.layer(0).weights().putScalar(2, 1, Float.POSITIVE_INFINITY);
        e = assertThrows(ModelFileException.class, () -> ModelFile.write(weights, file, WeightEncoding.csr(32, false)));
        assertTrue(e.getMessage().contains("layer fc1 holds NaN or infinite"), e.getMessage());
        assertTrue(!Files.exists(file), "nothing written");
    }

    @Test
    void onlyTheEncodingsAModelFileCanNameExist() {
        // a file names its encoding and reading looks it up by that name: a foreign encoding could not be read back
        assertTrue(WeightEncoding.class.isSealed());
        // a matrix whose encoding would not fit one Java array is refused by name, before anything is allocated
        CsrMatrix huge = new CsrMatrix(65_536, 65_536, new int[65_537], new int[0], new float[0]);
        EncodingLimitException e = assertThrows(EncodingLimitException.class,
                () -> WeightEncoding.denseFp32().encode(huge));
        assertTrue(e.getMessage().contains("dense_fp32") && e.getMessage().contains("17179869184 bytes"),
                e.getMessage());
    }

    @Test
    void aLayerTooBigForTheHeapIsRefusedBeforeItIsAllocated() throws IOException {
        // a few bytes of sparse encoding may stand for a huge layer: 40,000 x 40,000 is 12 GiB dense with its mask,
        // beyond the tests' 2 GiB heap, though the forged file below is 160 KB
        int n = 40_000;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(buffer);
        out.write(new byte[] {'P', '4', 'J', 'M'});
        out.writeByte(1);
        out.writeUTF(WeightEncoding.csr(32, false).name());
        out.writeUTF("huge");
        out.writeInt(1);
        out.writeUTF("fc1");
        out.writeInt(n);
        out.writeInt(n);
        out.writeUTF("RELU");
        out.write(new byte[n * Float.BYTES]);
        out.writeInt(0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(buffer.toByteArray());
        out.writeInt((int) crc.getValue());
        byte[] forged = buffer.toByteArray();
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(forged));
        assertTrue(e.getMessage().contains("layer fc1 is 40000 x 40000: reading it back dense needs 29.8 GiB")
                && e.getMessage().contains("-Xmx"),
                e.getMessage());
        // the bound: the dense weights, the mask and the layer's copies while masking, 20 bytes per weight
        long lenetFc1 = 20L * 784 * 300;
        ModelFile.requireHeap("fc1", 784, 300, lenetFc1);
        e = assertThrows(ModelFileException.class, () -> ModelFile.requireHeap("fc1", 784, 300, lenetFc1 - 1));
        assertTrue(e.getMessage().contains("needs 4.5 MiB"), e.getMessage());
    }

    @Test
    void storageOfAnEightPercentLeNetShapedNetwork() {
        Network net = SparseFixtures.prunedMlp(42, 0.92, 784, 300, 100, 10);
        Table t = Storage.of(net);
        assertEquals(WeightEncoding.standard().size(), t.rowCount());
        assertTrue(!t.name().contains("left out"), t.name());
        assertEquals(1.0, t.where(t.stringColumn("encoding").isEqualTo("dense_fp32")).doubleColumn("ratio_vs_dense").get(0), 1e-12);
        long dense = 266_200L * 4;
        assertEquals(dense, t.where(t.stringColumn("encoding").isEqualTo("dense_fp32")).longColumn("weight_bytes").get(0));
        long nnz = net.nonZeroWeights();
        long csr = t.where(t.stringColumn("encoding").isEqualTo("csr_i32_fp32")).longColumn("weight_bytes").get(0);
        assertEquals(8 * nnz + 4 * (300 + 1 + 100 + 1 + 10 + 1), csr, "values + indices + row pointers");
        double relative = t.where(t.stringColumn("encoding").isEqualTo("relative_i5_fp16")).doubleColumn("ratio_vs_dense").get(0);
        assertTrue(relative >= 12, "relative 5-bit indices with fp16 values: " + relative + "x");
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.booleanColumn("lossless").get(i)) {
                assertEquals(0.0, t.doubleColumn("max_output_error").get(i), 1e-6, t.stringColumn("encoding").get(i));
            }
        }
    }

    @Test
    void storageLeavesOutOnlyTheEncodingsThatCannotHoldTheNetwork() {
        // 70,000 inputs: beyond 16-bit column indices, so the two csr_i16 encodings are left out, the others kept
        Network wide = SparseFixtures.prunedMlp(3, 0.9, 70_000, 2);
        Table t = Storage.of(wide);
        java.util.List<String> kept = t.stringColumn("encoding").asList();
        assertTrue(!kept.contains("csr_i16_fp32") && !kept.contains("csr_i16_fp16"), kept.toString());
        assertEquals(WeightEncoding.standard().size() - 2, t.rowCount(), kept.toString());
        assertTrue(kept.contains("csr_i32_fp32") && kept.contains("relative_i5_fp16"), kept.toString());
        // and the table says so, and why
        assertTrue(t.name().contains("left out: ") && t.name().contains("csr_i16_fp32: 70000 columns do not fit 16-bit indices")
                && t.name().contains("csr_i16_fp16"), t.name());
    }
}
