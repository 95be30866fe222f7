package org.prune4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the bytes go to a temporary file in the same folder, are forced to the
 * disk, and the file is then renamed over the target (atomically where the file system can), so that after a crash
 * the target holds either the old contents or the new ones. A failure leaves the old file, if any, untouched and no
 * temporary file behind (a process killed mid-write can leave a hidden {@code .<name>.*.part} file, never a
 * half-written target). A new file gets the mode any new file gets (from the umask); a replaced one keeps its own. A
 * symbolic link is followed: the file it points to is replaced, and the link stays.
 */
public final class AtomicFile {
    /** Characters of the target's name kept in the temporary file's (at most 200 bytes in UTF-8; 255 bytes is the usual limit for a name). */
    private static final int MAX_NAME_PART = 50;
    /** Links followed before giving up, as the kernel does (Linux: 40). */
    private static final int MAX_LINKS = 40;

    private AtomicFile() {
    }

    /**
     * @param target the file to create or replace (its folder is created if needed)
     * @param bytes  the complete contents
     * @throws IOException if writing or renaming fails
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        target = followLinks(target.toAbsolutePath());
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // created like any new file (mode from the umask), not private as Files.createTempFile would make it; the
        // name is cut so that a target whose name is near the file system's limit still gets a temporary file
        String name = target.getFileName().toString();
        int cut = Math.min(name.length(), MAX_NAME_PART);
        if (cut > 0 && Character.isHighSurrogate(name.charAt(cut - 1))) {
            cut--; // never half a character (an emoji is two chars)
        }
        Path temp = Files.createFile(dir.resolve("." + name.substring(0, cut) + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part"));
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true); // the contents reach the disk before the rename makes them the target's
            }
            keepMode(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(dir);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * A symbolic link is written through, as a plain write would: renaming over the link itself would replace it by a
     * file and leave the file it points to stale.
     */
    private static Path followLinks(Path target) throws IOException {
        for (int hops = 0; Files.isSymbolicLink(target); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            target = target.resolveSibling(Files.readSymbolicLink(target)); // not normalized: ".." is the kernel's to resolve
        }
        return target;
    }

    /** A replaced file keeps its permissions (a group-writable model stays group-writable). */
    private static void keepMode(Path target, Path temp) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system, or one that refuses modes: the new file keeps the umask's mode
        }
    }

    /** Makes the rename itself durable where the platform lets a folder be forced (Linux does; others may not). */
    private static void forceFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the file is in place either way; only its survival of a power cut right now is less certain
        }
    }
}
