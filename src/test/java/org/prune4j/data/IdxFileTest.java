package org.prune4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    private static byte[] images() {
        byte[] data = new byte[3 * 2 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 20);
        }
        return IdxFile.encode(new int[] {3, 2, 2}, data);
    }

    @Test
    void readsRawFile() throws IOException {
        Path file = Files.write(dir.resolve("imgs-idx3-ubyte"), images());
        IdxFile idx = IdxFile.read(file);
        assertArrayEquals(new int[] {3, 2, 2}, idx.dimensions());
        assertEquals(3, idx.count());
        assertEquals(4, idx.itemSize());
        assertEquals((byte) 220, idx.data()[11]);
    }

    @Test
    void readsGzippedFile() throws IOException {
        Path file = dir.resolve("imgs-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(images());
        }
        IdxFile idx = IdxFile.read(file);
        assertArrayEquals(new int[] {3, 2, 2}, idx.dimensions());
        assertEquals((byte) 20, idx.data()[1]);
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        byte[] full = images();
        Path file = Files.write(dir.resolve("cut"), Arrays.copyOf(full, full.length - 1));
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] full = images();
        DataException e = assertThrows(DataException.class, () -> IdxFile.parse("h", Arrays.copyOf(full, 9)));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void rejectsBadMagic() {
        byte[] bytes = images();
        bytes[2] = 0x0D; // float type, not unsigned byte
        DataException e = assertThrows(DataException.class, () -> IdxFile.parse("m", bytes));
        assertTrue(e.getMessage().contains("magic number 0x00000d03"), e.getMessage());
        byte[] notIdx = "hello, world".getBytes();
        assertThrows(DataException.class, () -> IdxFile.parse("text", notIdx));
    }

    @Test
    void rejectsWrongCounts() {
        byte[] bytes = images();
        bytes[7] = 4; // header says 4 images, data holds 3
        DataException e = assertThrows(DataException.class, () -> IdxFile.parse("c", bytes));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] trailing = Arrays.copyOf(images(), images().length + 3);
        DataException t = assertThrows(DataException.class, () -> IdxFile.parse("t", trailing));
        assertTrue(t.getMessage().contains("trailing"), t.getMessage());
    }

    @Test
    void rejectsAHeaderWhoseElementCountOverflows() {
        // 2^21 x 2^21 x 2^22 = 2^64: wraps to 0 in a long, which an empty payload would match
        byte[] bytes = java.nio.ByteBuffer.allocate(16).putInt(IdxFile.IMAGES_MAGIC).putInt(1 << 21).putInt(1 << 21)
                .putInt(1 << 22).array();
        DataException e = assertThrows(DataException.class, () -> IdxFile.parse("huge", bytes));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }

    @Test
    void isAValueWithItsOwnCopies() {
        IdxFile a = IdxFile.parse("a", images());
        IdxFile b = IdxFile.parse("b", images());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        a.data()[0] = 99; // a copy: the file does not change
        assertEquals(0, a.data()[0]);
        assertFalse(a.equals(IdxFile.parse("c", IdxFile.encode(new int[] {12}, new byte[12]))));
        assertThrows(IllegalArgumentException.class, () -> new IdxFile(new int[] {3, 2}, new byte[5]));
        // the public constructor copies too: changing the arrays afterwards changes nothing
        int[] dims = {2, 2};
        byte[] data = {1, 2, 3, 4};
        IdxFile c = new IdxFile(dims, data);
        dims[0] = 4;
        data[0] = 9;
        assertArrayEquals(new int[] {2, 2}, c.dimensions());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, c.data());
        // and a parsed file does not hold on to the bytes it was parsed from
        byte[] bytes = images();
        IdxFile d = IdxFile.parse("d", bytes);
        bytes[bytes.length - 1] = 42;
        assertEquals(a, d);
    }

    @Test
    void rejectsBrokenGzip() throws IOException {
        Path file = Files.write(dir.resolve("x-idx1-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void encodeWritesOnlyWhatReadAccepts() {
        assertThrows(IllegalArgumentException.class, () -> IdxFile.encode(new int[] {-1, -1}, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> IdxFile.encode(new int[] {65536, 65536, 65536, 65536}, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> IdxFile.encode(new int[0], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> IdxFile.encode(new int[] {1, 1, 1, 1, 1}, new byte[1]));
    }
}
