package org.prune4j.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.util.StringStyler;
import io.github.spencerpark.jupyter.kernel.util.TextColor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * The Jupyter kernel: a basekernel {@link BaseKernel} that evaluates Java with JShell, behaving like
 * IJava 1.3.0's {@code JavaKernel}.
 *
 * <p>{@link #eval(String)} transforms magics, evaluates the cell and renders the value of its last
 * expression with basekernel's {@link io.github.spencerpark.jupyter.kernel.display.Renderer} (a
 * {@link DisplayData} value is published as is). Every failure is an exception, which basekernel turns
 * into an {@code error} message and an {@code execute_reply} with status {@code error}, so
 * {@code jupyter nbconvert --execute} stops and fails. Errors are formatted as IJava formats them.
 */
public final class JavaKernel extends BaseKernel {
    private static final String INDENT = "    ";

    private final CodeEvaluator evaluator;
    private final MagicsTransformer magicsTransformer = new MagicsTransformer();
    private final Magics magics = new Magics();
    private final LanguageInfo languageInfo;
    private final StringStyler styler;

    /**
     * Creates the kernel; JShell is built now, start-up scripts run before the first cell.
     *
     * @param options the {@code IJAVA_*} options
     */
    public JavaKernel(KernelOptions options) {
        this.evaluator = new CodeEvaluator(options, StartupScript.TEXT);
        new ClasspathMagics(this::addToClasspath).registerIn(magics);
        for (String name : List.of("maven", "addMavenDependency", "addMavenDependencies", "mavenRepo",
                "addMavenRepo", "loadFromPOM")) {
            magics.registerLineMagic(name, args -> {
                throw new UnsupportedOperationException("%" + name + " is not available in the prune4j CI kernel"
                        + " (no network): build the jars with Maven and load them with %jars");
            });
        }
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".java")
                .pygments("java")
                .codemirror("java")
                .build();
        this.styler = new StringStyler.Builder()
                .addPrimaryStyle(TextColor.BOLD_BLACK_FG)
                .addSecondaryStyle(TextColor.BOLD_RED_FG)
                .addHighlightStyle(TextColor.BOLD_BLACK_FG)
                .addHighlightStyle(TextColor.RED_BG)
                .withLinePrefix(TextColor.BOLD_BLACK_FG + "|   ")
                .build();
    }

    /**
     * Adds a jar or directory to the notebook's compile and run classpath.
     *
     * @param path an absolute path
     */
    public void addToClasspath(String path) {
        evaluator.addToClasspath(path);
    }

    /**
     * Returns the magics registry (used by {@link org.prune4j.kernel.runtime.Magics}).
     *
     * @return the registry
     */
    public Magics getMagics() {
        return magics;
    }

    /**
     * Evaluates code in the notebook's scope and returns the raw value of its last expression.
     *
     * @param code cell source, magics allowed
     * @return the value, or {@code null}
     * @throws Exception as {@link CodeEvaluator#eval(String)}
     */
    public Object evalRaw(String code) throws Exception {
        return evaluator.eval(magicsTransformer.transform(code));
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        try {
            Object result = evalRaw(code);
            if (result == null) {
                return null;
            }
            return result instanceof DisplayData data ? data : getRenderer().render(result);
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: prune4j CI kernel (IJava 1.3.0 compatible, jupyter-jvm-basekernel "
                + KERNEL_META.getOrDefault("version", "?") + ")";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(); // no links: the repository names no hosts
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis analysis = evaluator.shell().sourceCodeAnalysis();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(magicsTransformer.transform(code));
        while (info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE
                || info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> INDENT;
            case UNKNOWN -> IS_COMPLETE_BAD;
            default -> IS_COMPLETE_MAYBE;
        };
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator.shell().sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        List<String> options = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int paren = end;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            end = paren + 1;
        }
        List<SourceCodeAnalysis.Documentation> docs =
                evaluator.shell().sourceCodeAnalysis().documentation(code, end, true);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        DisplayData out = new DisplayData(docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n")));
        return out;
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CompilationException ce) {
            return formatCompilation(ce);
        }
        if (e instanceof IncompleteSourceException ie) {
            List<String> lines = new ArrayList<>();
            lines.add(styler.secondary("Incomplete input:"));
            lines.addAll(styler.primaryLines(ie.source()));
            return lines;
        }
        if (e instanceof EvalException ee) {
            List<String> lines = new ArrayList<>();
            lines.add(styler.secondary("---------------------------------------------------------------------------"));
            ee.userStackTrace().forEach(line -> lines.add(styler.secondary(line)));
            return lines;
        }
        if (e instanceof UnresolvedReferenceException ue) {
            return formatUnresolved(ue.getSnippet());
        }
        if (e instanceof EvaluationTimeoutException || e instanceof EvaluationInterruptedException) {
            return List.of(styler.secondary(e.getMessage()));
        }
        return super.formatError(e);
    }

    private List<String> formatCompilation(CompilationException e) {
        List<String> lines = new ArrayList<>();
        Snippet snippet = e.badSnippet().snippet();
        JShell shell = evaluator.shell();
        // Errors only: with IJAVA_COMPILER_OPTS=--add-modules jdk.incubator.vector every compilation also
        // carries an "incubating module" warning, which would bury the real message.
        shell.diagnostics(snippet).filter(d -> d.isError()).forEach(d -> {
            if (d.getStartPosition() >= 0 && d.getEndPosition() >= 0) {
                lines.addAll(styler.highlightSubstringLines(snippet.source(),
                        (int) d.getStartPosition(), (int) d.getEndPosition()));
            } else {
                lines.addAll(styler.primaryLines(snippet.source()));
            }
            for (String line : StringStyler.splitLines(d.getMessage(null))) {
                if (!line.trim().startsWith("location:")) {
                    lines.add(styler.secondary(line));
                }
            }
            lines.add("");
        });
        if (snippet instanceof DeclarationSnippet declaration) {
            lines.addAll(formatUnresolved(declaration));
        }
        return lines;
    }

    private List<String> formatUnresolved(DeclarationSnippet snippet) {
        List<String> unresolved = evaluator.shell().unresolvedDependencies(snippet).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        if (!unresolved.isEmpty()) {
            lines.addAll(styler.primaryLines(snippet.source()));
            lines.add(styler.secondary("Unresolved dependencies:"));
            unresolved.forEach(dep -> lines.add(styler.secondary("   - " + dep)));
        }
        return lines;
    }
}
