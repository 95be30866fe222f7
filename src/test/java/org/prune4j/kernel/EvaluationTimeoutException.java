package org.prune4j.kernel;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A top-level statement ran longer than {@code IJAVA_TIMEOUT} allows.
 */
public final class EvaluationTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param duration the configured timeout
     * @param unit     its unit
     * @param source   the snippet that timed out
     */
    public EvaluationTimeoutException(long duration, TimeUnit unit, String source) {
        super(String.format("Evaluation timed out after %d %s: %s", duration,
                unit.name().toLowerCase(Locale.ROOT), source), null, false, false);
    }
}
