package org.prune4j.kernel;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a self-contained Jupyter kernelspec directory for this kernel:
 * <pre>
 *   DIR/kernel.json
 *   DIR/lib/prune4j-kernel.jar        (org.prune4j.kernel classes, tests excluded)
 *   DIR/lib/jupyter-jvm-basekernel-*.jar, jeromq-*.jar, jnacl-*.jar, gson-*.jar
 * </pre>
 * The kernel's classpath is only that {@code lib/} directory, like IJava's single shaded jar: what a
 * notebook can compile against without {@code %jars} is the JDK, the kernel and basekernel (plus
 * jeromq/gson), never the project's own dependencies. The jars are found from the classes this
 * installer was itself loaded with, so it needs no Maven coordinates.
 *
 * <p>Usage: {@code java -cp <test classpath> org.prune4j.kernel.KernelSpecInstaller DIR [--java PATH]
 * [--display-name NAME] [--heap 4g] [--vector-api false]}. {@code .ci/install-kernel} then installs {@code DIR}
 * with {@code jupyter kernelspec install --user --name java}; the tests point {@code JUPYTER_PATH} at it.
 * {@code --vector-api false} writes a kernel whose JVM lacks {@code jdk.incubator.vector}, as a plain IJava
 * install does: the walkthrough test runs notebook 4 on it to check the library's plain-Java fallback there.
 */
public final class KernelSpecInstaller {
    /** Kernelspec name, the same as IJava's, so notebooks saved under IJava select this kernel. */
    public static final String KERNEL_NAME = "java";
    /** Default display name. */
    public static final String DISPLAY_NAME = "Java (prune4j CI kernel, IJava-compatible)";

    /** A class file (as a resource) of each jar the kernel needs at run time besides itself. */
    private static final List<String> RUNTIME_RESOURCES = List.of(
            "io/github/spencerpark/jupyter/kernel/BaseKernel.class",
            "org/zeromq/ZMQ.class",
            "com/neilalexander/jnacl/crypto/salsa20.class",
            "com/google/gson/Gson.class");

    private static final String PACKAGE_DIR = "org/prune4j/kernel/";

    private KernelSpecInstaller() {
    }

    /**
     * Command-line entry point.
     *
     * @param args {@code DIR [--java PATH] [--display-name NAME] [--heap SIZE] [--vector-api true|false]}
     * @throws Exception on any I/O problem, or if the Java runtime is not a JDK 17+
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("--")) {
            System.err.println("usage: KernelSpecInstaller DIR [--java PATH] [--display-name NAME] [--heap SIZE]"
                    + " [--vector-api true|false]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String displayName = DISPLAY_NAME;
        String heap = "4g";
        boolean vectorApi = true;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--java" -> java = args[i + 1];
                case "--display-name" -> displayName = args[i + 1];
                case "--heap" -> heap = args[i + 1];
                case "--vector-api" -> vectorApi = parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        write(dir, java, displayName, heap, vectorApi);
        System.out.println("Wrote kernelspec '" + KERNEL_NAME + "' to " + dir.toAbsolutePath());
    }

    private static boolean parseBoolean(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--vector-api takes true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * Writes (or rewrites) the kernelspec directory of a kernel that runs the Vector API.
     *
     * @param dir         target directory, created if missing; its {@code lib/} is replaced
     * @param java        the {@code java} executable of a JDK 17+ (it needs {@code jdk.jshell})
     * @param displayName the display name
     * @param heap        the {@code -Xmx} value
     * @throws IOException on I/O failure
     */
    public static void write(Path dir, String java, String displayName, String heap) throws IOException {
        write(dir, java, displayName, heap, true);
    }

    /**
     * Writes (or rewrites) the kernelspec directory.
     *
     * @param dir         target directory, created if missing; its {@code lib/} is replaced
     * @param java        the {@code java} executable of a JDK 17+ (it needs {@code jdk.jshell})
     * @param displayName the display name
     * @param heap        the {@code -Xmx} value
     * @param vectorApi   whether the kernel's JVM (and the cells' compiler) get {@code jdk.incubator.vector}
     * @throws IOException on I/O failure
     */
    public static void write(Path dir, String java, String displayName, String heap, boolean vectorApi)
            throws IOException {
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty() || Runtime.version().feature() < 17) {
            throw new IllegalStateException("The kernel needs a JDK 17+ with jdk.jshell; this is "
                    + System.getProperty("java.home"));
        }
        Path lib = dir.resolve("lib");
        deleteRecursively(lib);
        Files.createDirectories(lib);
        packageKernel(lib.resolve("prune4j-kernel.jar"));
        for (String resource : RUNTIME_RESOURCES) {
            Path jar = jarOf(resource);
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("kernel.json"), kernelJson(java, displayName, heap, vectorApi),
                StandardCharsets.UTF_8);
    }

    /**
     * Returns the {@code kernel.json} text.
     *
     * @param java        the {@code java} executable
     * @param displayName the display name
     * @param heap        the {@code -Xmx} value
     * @param vectorApi   whether to add {@code jdk.incubator.vector} to the JVM and to the cells' compiler
     * @return pretty-printed JSON
     */
    static String kernelJson(String java, String displayName, String heap, boolean vectorApi) {
        List<String> argv = new ArrayList<>(List.of(java));
        if (vectorApi) {
            argv.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        argv.addAll(List.of(
                "-Djava.awt.headless=true",
                "-Xmx" + heap,
                "-D" + KernelMain.LOG_LEVEL_PROPERTY + "=WARNING",
                // no SLF4J level here: as under IJava, the simplelogger.properties in prune4j's jar (among the
                // %jars) must be what keeps ND4J's INFO start-up lines out of the cells
                "-cp", "{resource_dir}/lib/*",
                KernelMain.class.getName(),
                "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        if (vectorApi) {
            // Lets notebook cells compile against the Vector API, as the JVM flag lets the library run it.
            spec.put("env", Map.of(KernelOptions.COMPILER_OPTS_KEY, "--add-modules jdk.incubator.vector"));
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    private static void packageKernel(Path target) throws IOException {
        Path root = jarOrDirOf(PACKAGE_DIR + "KernelMain.class");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, KernelMain.class.getName());
        List<Path> classes = new ArrayList<>();
        Path pkg = root.resolve(PACKAGE_DIR);
        try (Stream<Path> files = Files.walk(pkg)) {
            files.filter(Files::isRegularFile).filter(KernelSpecInstaller::isKernelClass).sorted().forEach(classes::add);
        }
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Path c : classes) {
                jar.putNextEntry(new JarEntry(root.relativize(c).toString().replace('\\', '/')));
                Files.copy(c, jar);
                jar.closeEntry();
            }
        }
    }

    /** Kernel classes only: test classes of this package stay out of the kernel's classpath. */
    private static boolean isKernelClass(Path p) {
        String name = p.getFileName().toString();
        if (!name.endsWith(".class")) {
            return false;
        }
        String topLevel = name.substring(0, name.length() - ".class".length()).split("\\$", 2)[0];
        return !topLevel.endsWith("Test") && !topLevel.endsWith("TestSupport");
    }

    private static Path jarOf(String resource) throws IOException {
        Path p = jarOrDirOf(resource);
        if (!Files.isRegularFile(p)) {
            throw new IOException(resource + " is not in a jar but in " + p);
        }
        return p;
    }

    private static Path jarOrDirOf(String resource) throws IOException {
        URL url = KernelSpecInstaller.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("Not on the classpath: " + resource);
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
            }
            Path file = Path.of(url.toURI());
            Path root = file;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IOException("Bad resource URL " + url, e);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
