package org.prune4j.kernel;

/**
 * The cell ends with source that is not a complete snippet (an unclosed block, for example).
 * Reported to Jupyter as an {@code error}, as IJava does.
 */
public final class IncompleteSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The incomplete trailing source. */
    private final String source;

    /**
     * Creates the exception.
     *
     * @param source the incomplete trailing source
     */
    public IncompleteSourceException(String source) {
        super("Incomplete input: " + source, null, false, false);
        this.source = source;
    }

    /**
     * Returns the incomplete trailing source.
     *
     * @return the source
     */
    public String source() {
        return source;
    }
}
