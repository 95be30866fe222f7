package org.prune4j.data;

/**
 * A data file is missing, damaged or not what was expected, or data could not be fetched.
 * The message names the file, what was expected and how to fix it.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, with the file and the fix */
    public DataException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, with the file and the fix
     * @param cause   the underlying failure
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
