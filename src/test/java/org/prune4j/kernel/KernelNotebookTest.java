package org.prune4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prune4j.kernel.NotebookTestSupport.cell;
import static org.prune4j.kernel.NotebookTestSupport.outputs;
import static org.prune4j.kernel.NotebookTestSupport.text;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the kernel through Jupyter ({@code .ci/run-notebook}, i.e. {@code jupyter nbconvert --execute}
 * with kernelspec {@code java}) on small notebooks and checks what a notebook author relies on.
 * {@code kernel-features.ipynb} runs once; the failure notebooks run once each.
 */
class KernelNotebookTest {
    @TempDir
    static Path tmp;

    private static NotebookTestSupport support;
    private static NotebookTestSupport.Run features;
    private static JsonObject featuresNb;

    @BeforeAll
    static void runFeaturesNotebook() throws Exception {
        support = NotebookTestSupport.create(tmp);
        Path nb = support.notebook("kernel-features.ipynb");
        support.buildFixtures(nb.getParent());
        features = support.run(nb, 3, TimeUnit.MINUTES);
        assertEquals(0, features.exitCode(), "kernel-features.ipynb failed:\n" + features.output());
        featuresNb = features.notebook();
    }

    @Test
    void kernelInfoDescribesJava() {
        JsonObject info = featuresNb.getAsJsonObject("metadata").getAsJsonObject("language_info");
        assertEquals("java", info.get("name").getAsString());
        assertEquals(".java", info.get("file_extension").getAsString());
        assertEquals("text/x-java-source", info.get("mimetype").getAsString());
        assertEquals(String.valueOf(Runtime.version().feature()), info.get("version").getAsString().split("[.+]")[0]);
    }

    @Test
    void jarsMagicWithTrailingSlashLoadsEveryJarOfTheFolder() {
        assertTrue(outputs(cell(featuresNb, "jars-magic")).isEmpty(), "a magic-only cell shows nothing");
        assertEquals("Hello, CI", result(cell(featuresNb, "jar-class"), "text/plain"));
        // The second jar's services file is found through the context class loader, as ND4J finds its backend.
        assertEquals("default-plugin", result(cell(featuresNb, "service-loader"), "text/plain"));
        // `%jars` used as an expression returns the jars it added (a glob this time).
        assertEquals("2", result(cell(featuresNb, "jars-return"), "text/plain"));
    }

    @Test
    void classpathMagicAddsADirectory() {
        assertTrue(outputs(cell(featuresNb, "classpath-magic")).isEmpty());
        assertEquals("loaded from a %classpath directory", result(cell(featuresNb, "dir-class"), "text/plain"));
    }

    @Test
    void bufferedImageAsLastExpressionIsAPng() throws Exception {
        JsonObject out = single(cell(featuresNb, "image"), "execute_result");
        BufferedImage png = decodePng(out);
        assertEquals(8, png.getWidth());
        assertEquals(6, png.getHeight());
        assertEquals(0xFF0000, png.getRGB(1, 1) & 0xFFFFFF);
        assertTrue(text(out.getAsJsonObject("data").get("text/plain")).startsWith("BufferedImage@"));
    }

    @Test
    void libraryObjectImplementingDisplayDataRenderableIsHtml() {
        JsonObject cell = cell(featuresNb, "html");
        assertEquals("<div class=\"card\"><b>pruned</b> sparsity 0.5</div>", result(cell, "text/html"));
        assertEquals("HtmlCard[pruned, 0.5]", result(cell, "text/plain"));
    }

    @Test
    void displayPublishesMidCellInOrder() throws Exception {
        List<JsonObject> outs = outputs(cell(featuresNb, "display"));
        assertEquals(List.of("display_data", "display_data", "stream", "execute_result"),
                outs.stream().map(o -> o.get("output_type").getAsString()).collect(Collectors.toList()));
        assertEquals("<div class=\"card\"><b>first</b> sparsity 1.0</div>",
                text(outs.get(0).getAsJsonObject("data").get("text/html")));
        assertEquals(8, decodePng(outs.get(1)).getWidth());
        assertEquals("after display\n", text(outs.get(2).get("text")));
        assertEquals("done", text(outs.get(3).getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void renderAsRequestedMimeType() {
        assertEquals("<i>as html</i>", result(cell(featuresNb, "render-as"), "text/html"));
    }

    @Test
    void stdoutAndStderrAreStreams() {
        List<JsonObject> outs = outputs(cell(featuresNb, "streams"));
        assertEquals("to stdout\n", stream(outs, "stdout"));
        assertEquals("to stderr\n", stream(outs, "stderr"));
        assertTrue(outs.stream().noneMatch(o -> o.get("output_type").getAsString().equals("execute_result")),
                "a statement cell has no result");
    }

    @Test
    void declarationsStatementsAndNullShowNothing() {
        assertTrue(outputs(cell(featuresNb, "statement")).isEmpty());
        assertTrue(outputs(cell(featuresNb, "null-value")).isEmpty());
    }

    @Test
    void multiSnippetCellYieldsTheLastExpression() {
        assertEquals("25", result(cell(featuresNb, "multi"), "text/plain"));
    }

    @Test
    void runtimeExceptionFailsNbconvert() throws Exception {
        NotebookTestSupport.Run run = failing("runtime-error.ipynb");
        // ename as under IJava, evalue names the exception the cell threw.
        assertTrue(run.output().contains(
                "EvalException: java.lang.IllegalStateException: deliberate failure for the CI test"), run.output());
        assertFalse(run.output().contains("never reached"), run.output());
    }

    @Test
    void compileErrorFailsNbconvert() throws Exception {
        NotebookTestSupport.Run run = failing("compile-error.ipynb");
        assertTrue(run.output().contains("CompilationException"), run.output());
        assertTrue(run.output().contains("incompatible types"), run.output());
    }

    /**
     * The magic IJava rewrites a {@code %} line into names {@code List} unqualified, so after
     * {@code import java.awt.*;} it no longer compiles under IJava; here neither, so CI catches a notebook
     * that imports {@code java.awt.*} before a magic.
     */
    @Test
    void aMagicAfterImportingJavaAwtFailsAsUnderIJava() throws Exception {
        NotebookTestSupport.Run run = failing("magic-after-awt.ipynb");
        assertTrue(run.output().contains("reference to List is ambiguous"), run.output());
        assertFalse(run.output().contains("never reached"), run.output());
    }

    /**
     * {@code System.exit} in a cell ends the kernel JVM (as under IJava, which runs user code in the kernel
     * process); nbclient notices the dead kernel within about a second and nbconvert fails.
     */
    @Test
    void systemExitKillsTheKernelAndFailsFast() throws Exception {
        NotebookTestSupport.Run run = failing("system-exit.ipynb");
        assertTrue(run.output().contains("DeadKernelError") || run.output().contains("Kernel died"), run.output());
        assertTrue(run.millis() < 60_000, "took " + run.millis() + " ms");
    }

    /** Runs one of the test notebooks that must fail, and checks that nbconvert did. */
    private static NotebookTestSupport.Run failing(String notebook) throws Exception {
        NotebookTestSupport.Run run = support.run(support.notebook(notebook), 2, TimeUnit.MINUTES);
        assertNotEquals(0, run.exitCode(), run.output());
        return run;
    }

    private static String result(JsonObject cell, String mime) {
        JsonObject out = single(cell, "execute_result");
        return text(out.getAsJsonObject("data").get(mime));
    }

    private static JsonObject single(JsonObject cell, String type) {
        List<JsonObject> matching = outputs(cell).stream()
                .filter(o -> o.get("output_type").getAsString().equals(type)).collect(Collectors.toList());
        assertEquals(1, matching.size(), "expected one " + type + " in " + outputs(cell));
        return matching.get(0);
    }

    private static String stream(List<JsonObject> outs, String name) {
        return outs.stream()
                .filter(o -> o.get("output_type").getAsString().equals("stream") && name.equals(o.get("name").getAsString()))
                .map(o -> text(o.get("text"))).collect(Collectors.joining());
    }

    private static BufferedImage decodePng(JsonObject output) throws Exception {
        String b64 = text(output.getAsJsonObject("data").get("image/png")).replaceAll("\\s", "");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
        assertTrue(img != null, "image/png does not decode");
        return img;
    }
}
