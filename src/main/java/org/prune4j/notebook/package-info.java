/**
 * Showing results in a Jupyter notebook under IJava 1.3.0, and printing or saving them anywhere else.
 *
 * <h2>How to use it</h2>
 * <pre>{@code
 * %jars ../target/lib/                 // alone in its cell
 *
 * Charts.weights(net)                  // last expression: an inline PNG
 * Show.table(Report.of(pruned))        // last expression: an HTML table
 * display(Show.any(history));          // anywhere in a cell, with IJava's display(...)
 * Show.print(Charts.weights(net));     // outside a kernel: saves plots/....png and says where
 * }</pre>
 * Notebooks need no {@code import java.awt...}: no public method a cell calls takes or returns an AWT type that has
 * to be named ({@code var} is enough), and importing {@code java.awt.*} would make {@code List} ambiguous with
 * {@code java.util.List} and break IJava's magics.
 *
 * <h2>Design, and why</h2>
 * What IJava does with a value (read from SpencerPark/IJava and jupyter-jvm-basekernel 2.3.0):
 * <ol>
 *   <li>{@code JavaKernel.eval} returns a {@code DisplayData} result unchanged and sends everything else through
 *       {@code getRenderer().render(result)}; IJava's {@code display(o)} (runtime {@code Display.java}, and the
 *       {@code ijava-display-init.jshell} it replaced) calls the same {@code render(o)} and publishes it.</li>
 *   <li>basekernel's {@code Renderer.render} first tests {@code value instanceof DisplayDataRenderable} and lets
 *       the object render itself at its preferred MIME types; otherwise it walks the value's class, its
 *       interfaces and its superclasses ({@code util/InheritanceIterator.java}) and uses the first class that
 *       has registered render functions. {@code text/plain} is always added from {@code String.valueOf}.</li>
 *   <li>{@code BaseKernel}'s constructor registers {@code display/common/Image.java} (any
 *       {@code java.awt.image.RenderedImage} → {@code image/png}, preferred), {@code Url} and {@code Text}
 *       ({@code CharSequence} → {@code text/plain}). A Tablesaw {@code Table} has no registration, so it would
 *       show as its {@code toString()}.</li>
 *   <li>User code runs in the kernel JVM: {@code IJavaExecutionControl} is a JShell
 *       {@code DirectExecutionControl}, whose {@code DefaultLoaderDelegate} defines snippets and {@code %jars}
 *       entries in a {@code URLClassLoader} whose parent is the system class loader — where IJava's own jar, with
 *       basekernel unrelocated (its display init script names basekernel's {@code DisplayData} by its own
 *       package), lives. Delegation is parent-first, so a library class that implements basekernel's
 *       {@code DisplayDataRenderable} implements the kernel's very {@code Class} and passes its
 *       {@code instanceof}.</li>
 * </ol>
 * Hence:
 * <ul>
 *   <li><b>Charts are images.</b> {@link org.prune4j.plot.Plot} extends {@code BufferedImage}; the kernel's own
 *       {@code RenderedImage} registration shows it as PNG. No kernel class is needed at compile or run time, so
 *       charts also work in tests, mains and plain JShell, and they still have {@code save(path)}.</li>
 *   <li><b>Tables are {@code DisplayDataRenderable} when the kernel is there.</b> {@link Show#table} returns a
 *       {@link TableView}; when basekernel's interface is visible (checked once, by name, without
 *       initialising anything) it is the package-private {@code KernelTableView}, which renders
 *       {@code text/html} and {@code text/plain}. basekernel is a {@code provided} dependency: compiled against,
 *       never copied into {@code target/lib}, so the only copy at run time is the kernel's. Without it the plain
 *       {@code TableView} is returned and its {@code toString()} is aligned text.</li>
 *   <li><b>Nothing calls the kernel.</b> Showing mid-cell is IJava's {@code display(...)}; the library never looks up
 *       a kernel instance (that API differs between kernels). {@link Show#print} covers the no-kernel case.</li>
 * </ul>
 *
 * <h2>ND4J's start-up logging</h2>
 * ND4J logs its backend start-up at INFO through SLF4J; SLF4J's simple binding reads
 * {@code simplelogger.properties} through the <em>thread context class loader</em>. Under IJava that loader is the
 * {@code %jars} loader: {@code DefaultLoaderDelegate} sets it on the thread that builds the JShell, and the shell
 * and executor threads created afterwards inherit it. So the {@code simplelogger.properties} in prune4j's jar
 * (level {@code warn}) takes effect as long as that jar is among the {@code %jars}; {@code IJavaLoadingTest}
 * reproduces this with JShell's own {@code DefaultLoaderDelegate} in a fresh JVM and fails if an INFO line
 * reaches the output.
 */
package org.prune4j.notebook;
