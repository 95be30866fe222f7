package org.prune4j.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM with this test's class path but only the JVM flags given (so without
 * {@code --add-modules jdk.incubator.vector} unless asked), and compares {@code name=kernel:v1,v2,...} lines.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param main    class with a {@code main}
     * @param jvmArgs JVM flags
     * @return the lines of its output that contain '='
     */
    public static List<String> run(Class<?> main, String... jvmArgs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        // output to a file, not a pipe: reading a pipe to its end would wait for a hung child forever
        Path log = Files.createTempFile("prune4j-child-jvm", ".log");
        String out;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("child JVM timed out after 120 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "child JVM failed:\n" + out);
        } finally {
            Files.deleteIfExists(log);
        }
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.contains("=") && !line.startsWith("WARNING")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /**
     * @param name   check name
     * @param kernel kernel that computed it
     * @param values the values
     * @return one line
     */
    public static String line(String name, String kernel, float[] values) {
        StringBuilder sb = new StringBuilder(name).append('=').append(kernel).append(':');
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? "," : "").append(values[i]);
        }
        return sb.toString();
    }

    /** Same check name, same number of values, values equal to 1e-5 relative. */
    public static void assertSameValues(String here, String there) {
        String nameHere = here.substring(0, here.indexOf('='));
        assertEquals(nameHere, there.substring(0, there.indexOf('=')));
        String[] a = here.substring(here.indexOf(':') + 1).split(",");
        String[] b = there.substring(there.indexOf(':') + 1).split(",");
        assertEquals(a.length, b.length, nameHere);
        for (int i = 0; i < a.length; i++) {
            double va = Double.parseDouble(a[i]);
            double vb = Double.parseDouble(b[i]);
            assertEquals(va, vb, 1e-5 * Math.max(1, Math.abs(va)), nameHere + " value " + i);
        }
    }

    /** @return the kernel named in a line */
    public static String kernel(String line) {
        return line.substring(line.indexOf('=') + 1, line.indexOf(':'));
    }
}
