/**
 * A small Jupyter kernel for Java that behaves like IJava 1.3.0 (SpencerPark/IJava), built on
 * {@code io.github.spencerpark:jupyter-jvm-basekernel:2.3.0}, so CI can execute the project's
 * notebooks headless on a clean machine.
 *
 * <p>The kernel lives in test scope on purpose: it is tooling, not part of the library. The moving
 * parts mirror IJava's design:
 * <ul>
 *   <li>{@link org.prune4j.kernel.KernelMain} reads the connection file and wires
 *       {@link org.prune4j.kernel.JavaKernel} (a basekernel {@code BaseKernel}) to a
 *       {@code JupyterConnection};</li>
 *   <li>{@link org.prune4j.kernel.CodeEvaluator} feeds a cell to JShell snippet by snippet;</li>
 *   <li>{@link org.prune4j.kernel.KernelExecutionControl} executes the snippets inside the kernel JVM
 *       (a {@code DirectExecutionControl}) so the real value of the last expression can be rendered
 *       by basekernel's {@code Renderer};</li>
 *   <li>{@link org.prune4j.kernel.SnippetClassLoader} loads snippets and everything added with
 *       {@code %jars} / {@code %classpath}, delegating parent-first to the kernel's own class loader so
 *       library code sees basekernel's display types;</li>
 *   <li>{@link org.prune4j.kernel.MagicsTransformer} and {@link org.prune4j.kernel.ClasspathMagics}
 *       implement the line magics;</li>
 *   <li>the {@link org.prune4j.kernel.runtime} package holds what user code sees through static
 *       imports ({@code display}, {@code render}, {@code updateDisplay}, {@code lineMagic}, ...).</li>
 * </ul>
 * {@link org.prune4j.kernel.KernelSpecInstaller} writes the kernelspec that {@code .ci/install-kernel}
 * installs. See {@code .ci/KERNEL.md} for how this maps to IJava and what differs.
 */
package org.prune4j.kernel;
