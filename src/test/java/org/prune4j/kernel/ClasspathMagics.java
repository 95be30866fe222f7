package org.prune4j.kernel;

import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code %jars} and {@code %classpath} line magics, with IJava 1.3.0's semantics. Each argument is
 * a basekernel "simple glob" resolved against the kernel's working directory (the notebook's directory
 * under {@code jupyter nbconvert} and the notebook server):
 * <ul>
 *   <li>{@code %jars a.jar lib/*.jar lib/} adds the matching <em>regular files</em>; a trailing
 *       {@code /} means "every file in that directory" ({@code lib} without the slash matches the
 *       directory itself, which is not a file, so it adds nothing);</li>
 *   <li>{@code %classpath dir other/*.jar} adds the matching paths, directories included.</li>
 * </ul>
 * Both return the list of absolute paths added. A glob that matches nothing adds nothing and is not
 * an error, as in IJava.
 */
public final class ClasspathMagics {
    private final Consumer<String> addToClasspath;

    /**
     * Creates the magics.
     *
     * @param addToClasspath receives each absolute path to add
     */
    public ClasspathMagics(Consumer<String> addToClasspath) {
        this.addToClasspath = addToClasspath;
    }

    /**
     * Registers {@code jars} and {@code classpath} in a basekernel magics registry.
     *
     * @param magics the registry
     */
    public void registerIn(Magics magics) {
        magics.registerLineMagic("jars", this::jars);
        magics.registerLineMagic("classpath", this::classpath);
    }

    /**
     * Adds the regular files matched by the globs.
     *
     * @param globs the magic's arguments
     * @return absolute paths added
     */
    public List<String> jars(List<String> globs) {
        return add(globs, true);
    }

    /**
     * Adds the paths (files or directories) matched by the globs.
     *
     * @param globs the magic's arguments
     * @return absolute paths added
     */
    public List<String> classpath(List<String> globs) {
        return add(globs, false);
    }

    private List<String> add(List<String> globs, boolean filesOnly) {
        List<String> added = new ArrayList<>();
        for (String glob : globs) {
            for (Path p : CodeEvaluator.matchingPaths(glob, filesOnly)) {
                added.add(p.toAbsolutePath().toString());
            }
        }
        added.forEach(addToClasspath);
        return added;
    }
}
