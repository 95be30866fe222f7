package org.prune4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All or nothing: the target holds the old bytes or the new ones, and no temporary file stays behind. */
class AtomicFileTest {
    @TempDir
    Path tmp;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesWholeFiles() throws IOException {
        Path f = tmp.resolve("sub/model.p4j");
        AtomicFile.write(f, "first".getBytes(StandardCharsets.UTF_8));
        assertEquals("first", Files.readString(f));
        byte[] big = new byte[3_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        AtomicFile.write(f, big);
        assertArrayEquals(big, Files.readAllBytes(f));
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(List.of("model.p4j"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aReplacedFileKeepsItsModeAndANewOneGetsTheUsualMode() throws IOException {
        Path shared = tmp.resolve("shared.p4j");
        AtomicFile.write(shared, new byte[] {1});
        Set<PosixFilePermission> groupWritable = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(shared, groupWritable);
        AtomicFile.write(shared, new byte[] {2});
        assertEquals(groupWritable, Files.getPosixFilePermissions(shared));
        Path plain = Files.createFile(tmp.resolve("plain")); // the mode any new file gets here
        Path fresh = tmp.resolve("fresh.p4j");
        AtomicFile.write(fresh, new byte[] {3});
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh));
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws IOException {
        Path blocked = tmp.resolve("taken");
        Files.createDirectories(blocked.resolve("inside")); // a non-empty folder cannot be replaced by a file
        assertThrows(IOException.class, () -> AtomicFile.write(blocked, new byte[] {1, 2, 3}));
        assertEquals(List.of("taken"), names(), "only the folder that was there");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStays() throws IOException {
        Path real = tmp.resolve("real/model.p4j");
        AtomicFile.write(real, new byte[] {1});
        Path link = Files.createSymbolicLink(tmp.resolve("model.p4j"), Path.of("real/model.p4j"));
        AtomicFile.write(link, new byte[] {2});
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(real), "the file it points to has the new bytes");
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertEquals(List.of("model.p4j"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aNameNearTheFileSystemsLimitStillGetsItsTemporaryFile() throws IOException {
        Path f = tmp.resolve("é".repeat(100) + "a".repeat(50) + ".p4j"); // 254 bytes in UTF-8
        AtomicFile.write(f, new byte[] {7});
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(f));
        assertEquals(List.of(f.getFileName().toString()), names());
        Path emoji = tmp.resolve("x".repeat(49) + "\uD83D\uDE00" + ".p4j"); // the cut would fall inside the emoji
        AtomicFile.write(emoji, new byte[] {8});
        assertArrayEquals(new byte[] {8}, Files.readAllBytes(emoji));
    }
}
