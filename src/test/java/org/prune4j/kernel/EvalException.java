package org.prune4j.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception thrown by user code, as reported to Jupyter.
 *
 * <p>It keeps the simple name {@code EvalException}, which is the error name ({@code ename}) IJava
 * reports for the same failure (JShell's {@link jdk.jshell.EvalException}), but its message is
 * {@code "<exception class>: <message>"} and its stack trace is the user code's. That matters because
 * {@code jupyter nbconvert --execute} prints only {@code ename}, {@code evalue} and the
 * {@code execute_reply} traceback when a cell fails: with JShell's exception alone a CI log would not say
 * which exception was thrown.
 */
public final class EvalException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient jdk.jshell.EvalException original;

    /**
     * Wraps JShell's report of a user exception.
     *
     * @param original JShell's exception (its causes are JShell exceptions too)
     */
    public EvalException(jdk.jshell.EvalException original) {
        super(original.getExceptionClassName() + ": " + original.getMessage(), original, false, true);
        this.original = original;
        setStackTrace(original.getStackTrace());
    }

    /**
     * Returns the class name of the exception user code threw.
     *
     * @return e.g. {@code java.lang.IllegalStateException}
     */
    public String exceptionClassName() {
        return original.getExceptionClassName();
    }

    /**
     * Formats the user exception and its causes like {@link Throwable#printStackTrace()} would have,
     * with the real exception class names.
     *
     * @return one string per line
     */
    public List<String> userStackTrace() {
        List<String> lines = new ArrayList<>();
        Throwable t = original;
        String prefix = "";
        while (t != null) {
            String name = t instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            lines.add(prefix + name + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement frame : t.getStackTrace()) {
                lines.add("\tat " + frame);
            }
            prefix = "Caused by: ";
            t = t.getCause() == t ? null : t.getCause();
        }
        return lines;
    }
}
