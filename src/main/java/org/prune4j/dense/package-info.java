/**
 * Dense matrix products {@code y = x · W} in plain Java and with the Vector API, the baselines against which sparse
 * inference is measured (and fast enough to be used on their own).
 *
 * <p>Weights are {@code [in × out]} row-major float32 as in {@link org.prune4j.nn.DenseLayer}; activations are
 * {@code [batch × in]} row-major. Three kernels implement {@link org.prune4j.dense.DenseKernel}: ND4J's
 * {@code gemm} (OpenBLAS), a plain-Java loop that HotSpot auto-vectorizes, and a Vector API GEMM over pre-packed
 * weight panels.
 *
 * <h2>The Vector API is optional</h2>
 * Code that touches {@code jdk.incubator.vector} lives in classes that are loaded only after
 * {@link org.prune4j.dense.VectorApi#available()} has found the module in the boot layer; without it every
 * factory falls back to plain Java, so nothing fails, it is only slower. The JVM must be started with
 * {@code --add-modules jdk.incubator.vector}. Under IJava put it in the kernelspec's {@code argv} before
 * {@code -jar}, e.g. {@code "argv": ["java", "--add-modules", "jdk.incubator.vector", "-jar", ".../ijava.jar",
 * "{connection_file}"]} (and, so that cells may import the API, {@code "env": {"IJAVA_COMPILER_OPTS":
 * "--add-modules jdk.incubator.vector"}}); {@code jupyter kernelspec list} shows where {@code kernel.json} is.
 *
 * <h2>Both cores</h2>
 * {@link org.prune4j.dense.Parallel} is a small dedicated pool of daemon threads (one per extra core) that kernels
 * use only when a call has enough work to pay for the hand-off.
 */
package org.prune4j.dense;
