package org.prune4j.data;

import java.util.Objects;

/**
 * One file of a data set: its canonical name and the SHA-256 of its uncompressed contents, so that a raw file
 * and its gzipped twin verify alike.
 *
 * @param name   canonical name without {@code .gz}, e.g. {@code train-images-idx3-ubyte}
 * @param sha256 lower-case hex SHA-256 of the uncompressed contents
 * @param count  the number of items (first IDX dimension) it must hold
 */
public record DataFile(String name, String sha256, int count) {
    /** Validates the fields. */
    public DataFile {
        Objects.requireNonNull(name, "name");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }

    /** @return the gzipped file's name */
    public String gzName() {
        return name + ".gz";
    }
}
