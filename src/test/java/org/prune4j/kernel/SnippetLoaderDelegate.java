package org.prune4j.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Bridges JShell's class installation requests to a {@link SnippetClassLoader}. It plays the part of
 * JShell's own (package-private) {@code DefaultLoaderDelegate}, but with a loader whose parent is the
 * kernel's class loader and which the kernel can reach to set as the context class loader of the
 * threads running user code.
 */
public final class SnippetLoaderDelegate implements LoaderDelegate {
    private final SnippetClassLoader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    /**
     * Creates a delegate over a loader.
     *
     * @param loader where snippet classes are defined and classpath entries are added
     */
    public SnippetLoaderDelegate(SnippetClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Returns the loader user code runs in.
     *
     * @return the snippet class loader
     */
    public SnippetClassLoader loader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        try {
            classesRedefined(cbcs);
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> c = loader.loadClass(cbcs[i].name());
                loaded.put(cbcs[i].name(), c);
                installed[i] = true;
                c.getDeclaredMethods(); // link now, so verification errors surface at load time as in JShell
            }
        } catch (Throwable t) {
            throw new ClassInstallException("load: " + t, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            loader.addToClasspath(path);
        } catch (RuntimeException e) {
            throw new InternalException(e.toString());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name);
        }
        return c;
    }
}
