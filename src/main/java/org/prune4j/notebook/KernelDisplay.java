package org.prune4j.notebook;

import tech.tablesaw.api.Table;

/**
 * Whether basekernel's display API is visible to this library, decided once. Under IJava (and the project's test
 * kernel) it is: the kernel's classes sit on the JVM's class path and the loader of {@code %jars} libraries
 * delegates to it parent-first, so {@link KernelTableView} implements the very interface the kernel tests for.
 * Anywhere else the plain {@link TableView} is used.
 */
final class KernelDisplay {
    static final String RENDERABLE = "io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable";
    static final boolean AVAILABLE = detect();

    private KernelDisplay() {
    }

    private static boolean detect() {
        try {
            Class.forName(RENDERABLE, false, KernelDisplay.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static TableView table(Table table) {
        return AVAILABLE ? KernelTableView.create(table) : new TableView(table);
    }
}
