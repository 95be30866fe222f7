package org.prune4j.sparse;

/** A compact model file could not be written, or is missing, truncated, damaged or not a model file. */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the file
     * @param cause   the underlying error, or null
     */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
