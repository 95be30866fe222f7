package org.prune4j.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.prune4j.io.AtomicFile;

/** Reads a data file with its checksum checked, and writes fetched bytes so that only verified files appear. */
final class VerifiedFile {
    private VerifiedFile() {
    }

    /**
     * Reads {@code file} (raw or .gz) and checks its uncompressed contents against {@code spec}.
     *
     * @return the uncompressed contents
     * @throws DataException naming the file, the expected and actual checksum and the fix
     */
    static byte[] read(Path file, DataFile spec, String fix) {
        byte[] contents = IdxFile.readContents(file);
        String actual = Sha256.hex(contents);
        if (!actual.equals(spec.sha256())) {
            throw new DataException("Data file " + file + " is corrupt or not the expected file: SHA-256 of its contents is "
                    + actual + " (" + contents.length + " bytes), expected " + spec.sha256() + ". " + fix);
        }
        return contents;
    }

    /**
     * Writes {@code bytes} (raw, or gzip when {@code gzipped}) as {@code targetDir/name} after verifying them:
     * temporary file, checksum, then an atomic rename.
     *
     * @throws DataException if the bytes do not verify; nothing is left behind
     */
    static void write(Path targetDir, DataFile spec, byte[] bytes, boolean gzipped, String source) {
        byte[] contents = gzipped ? gunzip(bytes, spec, source) : bytes;
        String actual = Sha256.hex(contents);
        if (!actual.equals(spec.sha256())) {
            throw new DataException(spec.name() + " from " + source + " has SHA-256 " + actual + ", expected "
                    + spec.sha256() + "; nothing was written. The source is damaged or not the canonical file.");
        }
        Path target = targetDir.resolve(gzipped ? spec.gzName() : spec.name());
        try {
            AtomicFile.write(target, bytes);
        } catch (IOException e) {
            throw new DataException("Cannot write " + target + ": " + e.getMessage()
                    + "; check that the folder is writable or choose another with the directory argument", e);
        }
    }

    private static byte[] gunzip(byte[] bytes, DataFile spec, String source) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataException(spec.gzName() + " from " + source + " is not valid gzip (" + e.getMessage()
                    + "); nothing was written", e);
        }
    }
}
