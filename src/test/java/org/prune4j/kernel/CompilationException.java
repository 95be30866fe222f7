package org.prune4j.kernel;

import java.util.List;
import jdk.jshell.SnippetEvent;

/**
 * A snippet of the cell was rejected by JShell's compiler (or is declared but cannot be defined because
 * of unresolved references). Reported to Jupyter as an {@code error} named {@code CompilationException},
 * as IJava does. Its message lists the compiler's diagnostics, because that message is what
 * {@code jupyter nbconvert} prints when the cell fails.
 */
public final class CompilationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SnippetEvent badSnippet;

    /**
     * Creates the exception.
     *
     * @param badSnippet  the event of the snippet that did not compile
     * @param diagnostics the compiler's messages for it
     */
    public CompilationException(SnippetEvent badSnippet, List<String> diagnostics) {
        super(diagnostics.isEmpty() ? "unresolved or undefined: " + badSnippet.snippet().source().strip()
                : String.join(System.lineSeparator(), diagnostics), null, false, false);
        this.badSnippet = badSnippet;
    }

    /**
     * Returns the failing snippet's event.
     *
     * @return the event
     */
    public SnippetEvent badSnippet() {
        return badSnippet;
    }
}
