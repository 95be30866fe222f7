package org.prune4j.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of everything a notebook runs: JShell's compiled snippet classes (held in memory)
 * and the jars and directories added with {@code %jars}, {@code %classpath} or {@code IJAVA_CLASSPATH}.
 *
 * <p>Delegation is the standard parent-first one of {@link URLClassLoader}, with the kernel's own
 * class loader as parent, exactly as IJava's local execution does. Consequences a notebook author can
 * rely on under both kernels:
 * <ul>
 *   <li>a library loaded with {@code %jars} resolves {@code io.github.spencerpark.jupyter.kernel.display.*}
 *       to the kernel's copy, so its objects implementing {@code DisplayDataRenderable} are recognised by
 *       the kernel's {@code Renderer};</li>
 *   <li>a class present both on the kernel's classpath and in an added jar is taken from the kernel.</li>
 * </ul>
 */
public final class SnippetClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    /**
     * Creates a loader with no classpath entries yet.
     *
     * @param parent the kernel's class loader
     */
    public SnippetClassLoader(ClassLoader parent) {
        super("prune4j-kernel-snippets", new URL[0], parent);
    }

    /**
     * Records the bytecode of a snippet class so that it can be defined when first loaded.
     *
     * @param binaryName the class's binary name
     * @param bytecode   its class file bytes
     */
    void declare(String binaryName, byte[] bytecode) {
        declared.put(binaryName, bytecode.clone());
    }

    /**
     * Appends entries to the classpath.
     *
     * @param path one entry, or several separated by {@link File#pathSeparator}
     */
    public void addToClasspath(String path) {
        for (String entry : path.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                addURL(Path.of(entry).toAbsolutePath().normalize().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Not a classpath entry: " + entry, e);
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = declared.get(name);
        if (bytecode != null) {
            return defineClass(name, bytecode, 0, bytecode.length);
        }
        return super.findClass(name);
    }
}
