package org.prune4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
    @TempDir
    Path tmp;

    private static void entry(ByteArrayOutputStream tar, String name, byte[] body) {
        byte[] header = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, header, 0, n.length);
        byte[] size = String.format("%011o", body.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        tar.writeBytes(header);
        tar.writeBytes(body);
        tar.writeBytes(new byte[(512 - body.length % 512) % 512]);
    }

    @Test
    void extractsWantedEntriesOnly() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        byte[] big = new byte[1300];
        big[1299] = 7;
        entry(tar, "package/readme.md", "hi".getBytes(StandardCharsets.US_ASCII));
        entry(tar, "package/data/a", big);
        entry(tar, "package/data/b", new byte[] {1, 2, 3});
        tar.writeBytes(new byte[1024]);
        Path file = tmp.resolve("x.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(tar.toByteArray());
        }
        Map<String, byte[]> got = TarGz.extract(file, Set.of("package/data/a", "package/data/b", "package/none"));
        assertEquals(2, got.size());
        assertArrayEquals(big, got.get("package/data/a"));
        assertArrayEquals(new byte[] {1, 2, 3}, got.get("package/data/b"));
    }

    @Test
    void anEntryClaimingAnImpossibleSizeIsReportedAsDamage() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/data/a", new byte[] {1});
        byte[] bytes = tar.toByteArray();
        byte[] size = String.format("%011o", 077777777777L).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, bytes, 124, size.length); // the size field, now 8 GiB (checksum not checked)
        Path file = tmp.resolve("huge.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
            out.write(new byte[1024]);
        }
        DataException e = assertThrows(DataException.class, () -> TarGz.extract(file, Set.of("package/data/a")));
        assertTrue(e.getMessage().contains("claims 8589934591 bytes"), e.getMessage());
    }

    @Test
    void damagedArchiveIsReported() throws IOException {
        Path file = Files.write(tmp.resolve("bad.tgz"), new byte[] {1, 2, 3});
        assertThrows(DataException.class, () -> TarGz.extract(file, Set.of("a")));
    }
}
