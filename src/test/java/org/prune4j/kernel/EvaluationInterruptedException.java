package org.prune4j.kernel;

/**
 * The running cell was interrupted by the front end ({@code interrupt_request}).
 */
public final class EvaluationInterruptedException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source the snippet that was running
     */
    public EvaluationInterruptedException(String source) {
        super("Evaluation interrupted: " + source, null, false, false);
    }
}
