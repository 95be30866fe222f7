package org.prune4j.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Test plumbing for running notebooks through the real Jupyter tool chain: a private kernelspec
 * (via {@link KernelSpecInstaller}, found through {@code JUPYTER_PATH}), fixture libraries compiled at
 * test time, {@code .ci/run-notebook}, and helpers to read the executed notebook.
 */
public final class NotebookTestSupport {
    /** Debian's Jupyter, which CI installs, or the one {@code $JUPYTER} names; the tests fail (not skip) without it. */
    static final Path JUPYTER = Path.of(System.getenv().getOrDefault("JUPYTER", "/usr/bin/jupyter"));

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path RUN_NOTEBOOK = PROJECT.resolve(".ci/run-notebook");

    private final Path root;
    private final Path jupyterPath;
    private final Path dataDir;

    /** Outcome of one {@code .ci/run-notebook} run. */
    public record Run(int exitCode, String output, long millis, Path executed) {
        /**
         * Reads the executed notebook.
         *
         * @return its JSON
         * @throws IOException if it was not written
         */
        public JsonObject notebook() throws IOException {
            return new Gson().fromJson(Files.readString(executed), JsonObject.class);
        }
    }

    private NotebookTestSupport(Path root) {
        this.root = root;
        this.jupyterPath = root.resolve("jupyter");
        this.dataDir = root.resolve("jupyter-data");
    }

    /**
     * Checks for Jupyter and writes a private {@code java} kernelspec under {@code root}.
     *
     * @param root a temporary directory
     * @return the support object
     * @throws IOException on I/O failure
     */
    public static NotebookTestSupport create(Path root) throws IOException {
        return create(root, "1g");
    }

    /**
     * As {@link #create(Path)}, with the kernel JVM's maximum heap.
     *
     * @param root a temporary directory
     * @param heap the kernel's {@code -Xmx}, e.g. "4g"
     * @return the support object
     * @throws IOException on I/O failure
     */
    public static NotebookTestSupport create(Path root, String heap) throws IOException {
        return create(root, heap, true);
    }

    /**
     * As {@link #create(Path, String)}, with or without the Vector API in the kernel's JVM.
     *
     * @param root      a temporary directory
     * @param heap      the kernel's {@code -Xmx}, e.g. "4g"
     * @param vectorApi false for a kernel started without {@code --add-modules jdk.incubator.vector}
     * @return the support object
     * @throws IOException on I/O failure
     */
    public static NotebookTestSupport create(Path root, String heap, boolean vectorApi) throws IOException {
        if (!Files.isExecutable(JUPYTER)) {
            fail(JUPYTER + " is missing: these tests execute notebooks with Debian's Jupyter. Install it with"
                    + " `apt-get update && apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client` (CI does).");
        }
        assertTrue(Files.isExecutable(RUN_NOTEBOOK), RUN_NOTEBOOK + " must exist and be executable");
        NotebookTestSupport support = new NotebookTestSupport(root);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        KernelSpecInstaller.write(support.jupyterPath.resolve("kernels").resolve(KernelSpecInstaller.KERNEL_NAME),
                java, "Java (prune4j kernel under test)", heap, vectorApi);
        Files.createDirectories(support.dataDir);
        return support;
    }

    /**
     * Copies a notebook from {@code src/test/resources/notebooks} into a fresh work directory.
     *
     * @param name file name of the notebook
     * @return the copy
     * @throws IOException on I/O failure
     */
    Path notebook(String name) throws IOException {
        Path work = Files.createDirectories(root.resolve("work-" + name.replace(".ipynb", "")));
        Path target = work.resolve(name);
        try (InputStream in = resource("notebooks/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /**
     * Compiles the fixture libraries next to a notebook: {@code lib/fixture-html.jar},
     * {@code lib/fixture-util.jar} (with a {@code META-INF/services} entry) and {@code classes/}.
     * They are compiled against basekernel only; the kernel never has them on its classpath.
     *
     * @param notebookDir the directory of the notebook that loads them
     * @throws Exception on compilation or I/O failure
     */
    void buildFixtures(Path notebookDir) throws Exception {
        Path src = Path.of(NotebookTestSupport.class.getClassLoader()
                .getResource("notebooks/fixture-src").toURI());
        Path lib = Files.createDirectories(notebookDir.resolve("lib"));
        Path basekernel = Path.of(DisplayDataRenderable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        jar(compile(src.resolve("html"), root.resolve("build/html"), basekernel), lib.resolve("fixture-html.jar"));
        Path util = compile(src.resolve("util"), root.resolve("build/util"), basekernel);
        copyTree(src.resolve("util/META-INF"), util.resolve("META-INF"));
        jar(util, lib.resolve("fixture-util.jar"));
        compile(src.resolve("dir"), notebookDir.resolve("classes"), basekernel);
    }

    /**
     * Runs {@code .ci/run-notebook} on a notebook with the private kernelspec.
     *
     * @param notebook the notebook
     * @param timeout  a hard limit for the whole run
     * @param unit     unit of {@code timeout}
     * @return exit code, combined output, duration and where the executed copy would be
     * @throws Exception on I/O failure or if the run exceeds {@code timeout}
     */
    public Run run(Path notebook, long timeout, TimeUnit unit) throws Exception {
        Path out = Files.createDirectories(root.resolve("out"));
        ProcessBuilder pb = new ProcessBuilder(RUN_NOTEBOOK.toString(), "-o", out.toString(), notebook.toString())
                .directory(PROJECT.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_DATA_DIR", dataDir.toString());
        env.put("JUPYTER_RUNTIME_DIR", dataDir.resolve("runtime").toString());
        Path log = root.resolve("run-" + notebook.getFileName() + ".log");
        pb.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeout, unit)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("run-notebook did not finish within " + timeout + " " + unit + ":\n" + Files.readString(log));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), millis,
                out.resolve(notebook.getFileName()));
    }

    /**
     * Finds the code cell carrying a tag.
     *
     * @param notebook the executed notebook
     * @param tag      the tag
     * @return the cell
     */
    public static JsonObject cell(JsonObject notebook, String tag) {
        for (JsonElement e : notebook.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            JsonObject meta = cell.getAsJsonObject("metadata");
            if (meta != null && meta.has("tags")) {
                for (JsonElement t : meta.getAsJsonArray("tags")) {
                    if (tag.equals(t.getAsString())) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("No cell tagged " + tag);
    }

    /**
     * Returns a cell's outputs.
     *
     * @param cell the cell
     * @return its outputs
     */
    public static List<JsonObject> outputs(JsonObject cell) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : cell.getAsJsonArray("outputs")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    /**
     * Joins nbformat's multi-line string (a string or an array of strings).
     *
     * @param e the JSON value
     * @return the text
     */
    public static String text(JsonElement e) {
        if (e == null) {
            return null;
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement part : (JsonArray) e) {
                sb.append(part.getAsString());
            }
            return sb.toString();
        }
        return e.getAsString();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = NotebookTestSupport.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Missing test resource " + name);
        }
        return in;
    }

    private static Path compile(Path sourceRoot, Path outDir, Path classpath) throws IOException {
        Files.createDirectories(outDir);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", classpath.toString(),
                "-d", outDir.toString()));
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        assertTrue(rc == 0, "fixture compilation failed for " + sourceRoot);
        return outDir;
    }

    private static void jar(Path dir, Path jarFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
