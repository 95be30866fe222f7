package org.prune4j.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file all at once or not at all: the bytes go to a temporary file in the same folder, which is then renamed
 * over the target (atomically where the file system can). A failure leaves the old file, if any, untouched and no
 * temporary file behind.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * @param target the file to create or replace (its folder is created if needed)
     * @param bytes  the complete contents
     * @throws IOException if writing or renaming fails
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            Files.write(temp, bytes);
            try {
                // temporary files are created private; the result is as readable as any other file
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
