package org.prune4j.nn;

/** A model file could not be written, is damaged, or does not fit the network it is loaded into. */
public class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the file and the fix */
    public ModelFileException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the file and the fix
     * @param cause   the underlying failure
     */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
