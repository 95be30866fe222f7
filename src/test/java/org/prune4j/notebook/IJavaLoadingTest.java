package org.prune4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The display design and the logging fix, checked under IJava's class loading rather than a unit test's flat class
 * path: a fresh JVM with only the "kernel" on its class path loads prune4j and its dependencies the way
 * {@code %jars} does ({@link IJavaLikeShell}).
 */
class IJavaLoadingTest {
    private static final String[] KERNEL_JARS = {"jupyter-jvm-basekernel", "gson", "jeromq", "jnacl"};
    private static final String[] TEST_ONLY = {"junit", "opentest4j", "apiguardian", "surefire", "test-classes"};

    private record ClassPaths(List<String> kernel, List<String> jars, String testClasses) {
    }

    private static ClassPaths split() {
        List<String> kernel = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        String testClasses = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.equals("test-classes")) {
                testClasses = entry;
            } else if (startsWithAny(name, KERNEL_JARS)) {
                kernel.add(entry);
            } else if (!startsWithAny(name, TEST_ONLY)) {
                jars.add(entry);
            }
        }
        assertTrue(testClasses != null && jars.stream().anyMatch(j -> j.endsWith("classes")),
                "expected the test class path to list target/classes and test-classes: "
                        + System.getProperty("java.class.path"));
        return new ClassPaths(kernel, jars, testClasses);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, String mode, List<String> classPath, List<String> jars) throws Exception {
        Path list = Files.write(dir.resolve(mode + "-jars.txt"), jars);
        Path log = dir.resolve(mode + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the JVM flags of the project's kernelspec, minus any log level: the library must quieten ND4J itself
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-Xmx1g", "-cp", String.join(File.pathSeparator, classPath), IJavaLikeShell.class.getName(), mode,
                list.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the shell did not finish in 240 s:\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("CELL FAILED"), out);
        return out;
    }

    @Test
    void underIJavasClassLoadingTablesAreHtmlChartsArePngAndNd4jIsQuiet(@TempDir Path dir) throws Exception {
        ClassPaths cp = split();
        List<String> kernelClassPath = new ArrayList<>(cp.kernel());
        kernelClassPath.add(cp.testClasses());
        String out = run(dir, "kernel", kernelClassPath, cp.jars());
        assertTrue(out.contains("CHECK table loader: jdk.jshell.execution.DefaultLoaderDelegate$RemoteClassLoader"),
                "prune4j is loaded like a %jars library\n" + out);
        assertTrue(out.contains("CHECK table class: org.prune4j.notebook.KernelTableView"), out);
        assertTrue(out.contains("CHECK table text/html: <table"), out);
        assertTrue(out.contains("CHECK plot image/png: iVBORw0KGgo"), "base64 of a PNG signature\n" + out);
        assertFalse(out.contains("INFO"), "ND4J's INFO start-up lines reached the output:\n" + out);
    }

    @Test
    void withoutAKernelTablesArePlainText(@TempDir Path dir) throws Exception {
        ClassPaths cp = split();
        String out = run(dir, "plain", List.of(cp.testClasses()), cp.jars());
        assertTrue(out.contains("CHECK table class: org.prune4j.notebook.TableView"), out);
        assertTrue(out.contains("t (2 rows)\n a\n--\n 1\n22"), out);
        assertFalse(out.contains("INFO"), out);
    }
}
