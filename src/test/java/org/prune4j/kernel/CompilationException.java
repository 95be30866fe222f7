package org.prune4j.kernel;

import jdk.jshell.SnippetEvent;

/**
 * A snippet of the cell was rejected by JShell's compiler (or is declared but cannot be defined because
 * of unresolved references). Reported to Jupyter as an {@code error} named {@code CompilationException},
 * as IJava does.
 */
public final class CompilationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SnippetEvent badSnippet;

    /**
     * Creates the exception.
     *
     * @param badSnippet the event of the snippet that did not compile
     */
    public CompilationException(SnippetEvent badSnippet) {
        super("Compilation failed: " + badSnippet.snippet().source().strip());
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
