package org.prune4j.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates cells with JShell, the way IJava's {@code CodeEvaluator} does.
 *
 * <p>A cell is cut into complete snippets with {@link SourceCodeAnalysis#analyzeCompletion}; each is
 * evaluated in turn and the first failure (compile error, exception, timeout, interrupt) stops the cell.
 * The cell's value is the real object of its last snippet when that snippet is an expression
 * (a bare variable, a temporary {@code $n} expression or another expression); declarations and
 * statements yield {@code null}, meaning "show nothing".
 *
 * <p>Start-up scripts run before the first cell (lazily, so their errors are reported on that cell).
 */
public final class CodeEvaluator implements AutoCloseable {
    private final JShell shell;
    private final KernelExecutionControlProvider provider;
    private final SourceCodeAnalysis analysis;
    private final List<String> startupScripts;
    private boolean initialized;

    /**
     * Builds JShell with local execution and applies the options.
     *
     * @param options     classpath, compiler options, timeout and user start-up scripts
     * @param builtinInit start-up code run before the user's start-up scripts
     */
    public CodeEvaluator(KernelOptions options, String builtinInit) {
        this.provider = new KernelExecutionControlProvider(CodeEvaluator.class.getClassLoader(),
                options.timeout(), options.timeoutUnit());
        this.shell = JShell.builder()
                .executionEngine(provider, java.util.Map.of())
                .compilerOptions(options.compilerOpts().toArray(String[]::new))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        for (String glob : options.classpath()) {
            for (Path p : matchingPaths(glob, false)) {
                addToClasspath(p.toAbsolutePath().toString());
            }
        }
        this.startupScripts = new ArrayList<>();
        startupScripts.add(builtinInit);
        for (String glob : options.startupScripts()) {
            for (Path p : matchingPaths(glob, true)) {
                try {
                    startupScripts.add(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read start-up script " + p, e);
                }
            }
        }
        if (options.startupScript() != null) {
            startupScripts.add(options.startupScript());
        }
    }

    /**
     * Resolves an IJava "simple glob" (relative to the kernel's working directory; a trailing
     * {@code /} means everything in that directory).
     *
     * @param glob      the glob
     * @param filesOnly {@code true} to keep regular files only
     * @return the matching paths, in directory order
     */
    static List<Path> matchingPaths(String glob, boolean filesOnly) {
        GlobFinder finder = new GlobFinder(glob);
        List<Path> out = new ArrayList<>();
        try {
            (filesOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths()).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve '" + glob + "'", e);
        }
        return out;
    }

    /**
     * Returns the underlying JShell (for diagnostics, completion and documentation).
     *
     * @return the shell
     */
    public JShell shell() {
        return shell;
    }

    /**
     * Adds an entry to both JShell's compile classpath and the snippet class loader.
     *
     * @param path an absolute jar or directory path
     */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /**
     * Evaluates a cell (after running the start-up scripts if this is the first one).
     *
     * @param code the cell source, magics already transformed
     * @return the value of the last expression, or {@code null} if there is nothing to show
     * @throws Exception a {@link CompilationException}, {@link IncompleteSourceException},
     *                   {@link EvaluationTimeoutException}, {@link EvaluationInterruptedException},
     *                   {@link EvalException} (user code threw) or JShell's
     *                   {@link jdk.jshell.UnresolvedReferenceException}
     */
    public Object eval(String code) throws Exception {
        if (!initialized) {
            initialized = true;
            for (String script : startupScripts) {
                evalSource(script);
            }
            startupScripts.clear();
        }
        return evalSource(code);
    }

    private Object evalSource(String code) throws Exception {
        try {
            Object last = null;
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
            while (info.completeness().isComplete()) {
                last = evalSnippet(info.source());
                info = analysis.analyzeCompletion(info.remaining());
            }
            if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
                throw new IncompleteSourceException(info.remaining().trim());
            }
            return last;
        } finally {
            KernelExecutionControl control = provider.current();
            if (control != null) {
                control.clearResults();
            }
        }
    }

    private Object evalSnippet(String code) throws Exception {
        List<SnippetEvent> events = shell.eval(code);
        KernelExecutionControl control = provider.current();
        Object result = null;
        // First pass: take every stored value so nothing is left behind, keep the last expression's.
        for (SnippetEvent event : events) {
            String key = event.value();
            if (key == null) {
                continue;
            }
            Snippet.SubKind subKind = event.snippet().subKind();
            Object value = subKind.isExecutable() && control != null ? control.takeResult(key) : key;
            result = switch (subKind) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> value;
                default -> null;
            };
        }
        // Second pass: the first problem of a snippet the user wrote (not a dependent update) fails the cell.
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            JShellException e = event.exception();
            if (e != null) {
                if (e instanceof jdk.jshell.EvalException ee) {
                    if (control != null && KernelExecutionControl.TIMEOUT_NAME.equals(ee.getExceptionClassName())) {
                        throw new EvaluationTimeoutException(control.timeout(), control.timeoutUnit(), code.trim());
                    }
                    if (KernelExecutionControl.INTERRUPTED_NAME.equals(ee.getExceptionClassName())) {
                        throw new EvaluationInterruptedException(code.trim());
                    }
                    throw new EvalException(ee);
                }
                throw e;
            }
            if (!event.status().isDefined()) {
                throw new CompilationException(event, shell.diagnostics(event.snippet())
                        .filter(d -> d.isError()).map(d -> d.getMessage(null))
                        .collect(java.util.stream.Collectors.toList()));
            }
        }
        return result;
    }

    /** Interrupts the running cell, if any. */
    public void interrupt() {
        KernelExecutionControl control = provider.current();
        if (control != null) {
            control.interrupt();
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
