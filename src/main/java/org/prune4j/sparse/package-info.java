/**
 * Sparse inference for pruned fully connected networks, and what pruning saves on disk.
 *
 * <p>Zeros stored in a dense matrix save neither time nor bytes; this package stores only the non-zeros and
 * computes with them. ND4J 1.0.0-M2.1 has no sparse arrays, so the formats and kernels are here:
 * <ul>
 * <li>formats: {@link org.prune4j.sparse.CsrMatrix} (a layer's weights transposed, one row per output neuron),
 * {@link org.prune4j.sparse.SellMatrix} (SELL-C-σ for vector SpMV) and a column-blocked CSR for batches;</li>
 * <li>kernels ({@link org.prune4j.sparse.SparseKernel}): Vector API (SpMV by SELL-16 gathers, or by the scalar
 * SELL-8 SpMV on AMD CPUs, whose gathers are slow; SpMM over a chunked, batch-contiguous activation layout) with a
 * plain-Java fallback chosen at run time when {@code jdk.incubator.vector} is absent (scalar SELL-8 SpMV; SpMM over
 * one array per feature);</li>
 * <li>{@link org.prune4j.sparse.SparseLayer} and {@link org.prune4j.sparse.SparseNetwork}: a network kept in the
 * sparse layout, converting activations only at its input and output; on several cores a batch is cut into
 * chunks that each core carries through the whole chain, so activations never move between the cores' caches; one
 * input at a time, a layer that pruning left dense enough runs as a dense Vector API product inside the chain
 * ({@link org.prune4j.sparse.SparseNetwork#allSparse} keeps every layer sparse);</li>
 * <li>storage: exact byte counts of dense, CSR (32- and 16-bit indices, fp16 values), Han-style relative indexing
 * and weight sharing, each by really encoding and decoding, and a compact model file.</li>
 * </ul>
 *
 * <pre>{@code
 * var sparse = SparseNetwork.of(pruned);     // same logits as pruned.output(x), to 1e-5
 * sparse.output(x);
 * Storage.of(pruned)                          // bytes per encoding, ratio vs dense float32
 * }</pre>
 */
package org.prune4j.sparse;
