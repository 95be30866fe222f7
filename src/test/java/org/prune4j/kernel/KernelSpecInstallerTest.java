package org.prune4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernelspec directory {@code .ci/install-kernel} installs. */
class KernelSpecInstallerTest {
    @TempDir
    Path dir;

    @Test
    void kernelJsonLaunchesTheKernelWithTheRequiredJvmFlags() throws Exception {
        KernelSpecInstaller.write(dir, "/opt/jdk/bin/java", KernelSpecInstaller.DISPLAY_NAME, "4g");
        JsonObject spec = new Gson().fromJson(Files.readString(dir.resolve("kernel.json")), JsonObject.class);
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));

        assertEquals("/opt/jdk/bin/java", argv.get(0));
        assertEquals("jdk.incubator.vector", argv.get(argv.indexOf("--add-modules") + 1));
        assertTrue(argv.contains("-Djava.awt.headless=true"));
        assertTrue(argv.contains("-Xmx4g"));
        assertTrue(argv.contains("-Dprune4j.kernel.logLevel=WARNING"));
        assertTrue(argv.stream().noneMatch(a -> a.startsWith("-Dorg.slf4j")),
                "ND4J's logging is kept quiet by prune4j's jar, as under IJava, not by the kernelspec");
        assertEquals("{resource_dir}/lib/*", argv.get(argv.indexOf("-cp") + 1));
        assertEquals(List.of(KernelMain.class.getName(), "{connection_file}"), argv.subList(argv.size() - 2, argv.size()));
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("--add-modules jdk.incubator.vector",
                spec.getAsJsonObject("env").get(KernelOptions.COMPILER_OPTS_KEY).getAsString());
    }

    @Test
    void aKernelWithoutTheVectorApiOmitsTheModuleFromTheJvmAndTheCompiler() throws Exception {
        KernelSpecInstaller.write(dir, "/opt/jdk/bin/java", "plain", "2g", false);
        JsonObject spec = new Gson().fromJson(Files.readString(dir.resolve("kernel.json")), JsonObject.class);
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));

        assertEquals(List.of("/opt/jdk/bin/java", "-Djava.awt.headless=true", "-Xmx2g",
                "-Dprune4j.kernel.logLevel=WARNING", "-cp", "{resource_dir}/lib/*", KernelMain.class.getName(),
                "{connection_file}"), argv);
        assertFalse(spec.has("env"), "no compiler options either: " + spec);
        assertEquals("plain", spec.get("display_name").getAsString());
    }

    @Test
    void libHoldsOnlyTheKernelAndBasekernelWithItsDependencies() throws Exception {
        KernelSpecInstaller.write(dir, "java", KernelSpecInstaller.DISPLAY_NAME, "1g");
        KernelSpecInstaller.write(dir, "java", KernelSpecInstaller.DISPLAY_NAME, "1g"); // idempotent
        List<String> jars;
        try (Stream<Path> s = Files.list(dir.resolve("lib"))) {
            jars = s.map(p -> p.getFileName().toString().replaceAll("-[0-9][^-]*\\.jar$", "")).sorted()
                    .collect(Collectors.toList());
        }
        assertEquals(List.of("gson", "jeromq", "jnacl", "jupyter-jvm-basekernel", "prune4j-kernel.jar"), jars);

        try (JarFile kernel = new JarFile(dir.resolve("lib/prune4j-kernel.jar").toFile())) {
            List<String> entries = Collections.list(kernel.entries()).stream().map(e -> e.getName())
                    .collect(Collectors.toList());
            assertTrue(entries.contains("org/prune4j/kernel/KernelMain.class"));
            assertTrue(entries.contains("org/prune4j/kernel/runtime/Display.class"));
            assertFalse(entries.stream().anyMatch(n -> n.contains("Test")), "test classes leaked: " + entries);
            assertTrue(entries.stream().allMatch(n -> n.startsWith("org/prune4j/kernel/") || n.startsWith("META-INF/")),
                    "only kernel classes: " + entries);
        }
    }
}
