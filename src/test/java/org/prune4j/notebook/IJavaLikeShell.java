package org.prune4j.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.common.Url;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * The class-loading half of IJava 1.3.0, run in a fresh JVM by {@link IJavaLoadingTest}: this class (and, in
 * {@code kernel} mode, basekernel) is on the JVM's class path like IJava's jar; cells run in a JShell whose
 * execution engine lives in this JVM and loads snippets and {@code %jars} entries with JShell's
 * {@code DefaultLoaderDelegate}, exactly the loader IJava's {@code DirectExecutionControl} subclass gets. The kernel
 * side then renders the cell values with basekernel's {@code Renderer}, registered as {@code BaseKernel} does.
 *
 * <p>Arguments: {@code kernel|plain} and a file listing the {@code %jars} entries, one per line.
 */
public final class IJavaLikeShell {
    private IJavaLikeShell() {
    }

    public static void main(String[] args) throws Exception {
        boolean kernel = args[0].equals("kernel");
        List<String> jars = Files.readAllLines(Path.of(args[1]));
        try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build()) {
            jars.forEach(shell::addToClasspath); // %jars
            cell(shell, "org.nd4j.linalg.factory.Nd4j.zeros(2, 2).sumNumber()");
            cell(shell, "System.getProperties().put(\"cell.table\", org.prune4j.notebook.Show.table("
                    + "tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.IntColumn.create(\"a\", new int[] {1, 22}))))");
            cell(shell, "System.getProperties().put(\"cell.plot\", org.prune4j.plot.Charts.weights("
                    + "org.prune4j.nn.Networks.mlp(\"n\", 1, 16, 8, 4)).size(300, 200))");
            Object table = System.getProperties().get("cell.table");
            Object plot = System.getProperties().get("cell.plot");
            System.out.println("CHECK table loader: " + table.getClass().getClassLoader().getClass().getName());
            System.out.println("CHECK table class: " + table.getClass().getName());
            if (kernel) {
                KernelSide.render("table", table);
                KernelSide.render("plot", plot);
            } else {
                System.out.println("CHECK table text:\n" + table);
            }
        }
    }

    private static void cell(JShell shell, String code) {
        for (SnippetEvent e : shell.eval(code)) {
            if (e.exception() != null || !e.status().isDefined()) {
                System.out.println("CELL FAILED: " + code + " -> " + e.status() + " " + e.exception()
                        + " " + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
            }
        }
    }

    /** Only touched in kernel mode, so plain mode never needs basekernel. */
    private static final class KernelSide {
        static void render(String name, Object value) {
            Renderer renderer = new Renderer();
            Image.registerAll(renderer);
            Url.registerAll(renderer);
            Text.registerAll(renderer);
            DisplayData data = renderer.render(value);
            for (MIMEType type : List.of(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)) {
                Object d = data.getData(type);
                if (d != null) {
                    String s = d.toString();
                    System.out.println("CHECK " + name + " " + type + ": " + s.substring(0, Math.min(40, s.length()))
                            .replace('\n', ' '));
                }
            }
        }
    }
}
