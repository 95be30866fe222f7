/**
 * Timing harnesses and the benchmarks that end with one {@code RESULT {json}} line: {@code TrainBench} (epoch time
 * and accuracy of the LeNet-300-100 baseline), {@code HanBench} (Han et al.'s prune-and-retrain walkthrough) and
 * {@code SparseBench} (dense vs sparse vs shrunk kernels over shapes, batches and sparsities).
 *
 * <p>{@link org.prune4j.bench.Timing} compares dense (ND4J, plain Java, Vector API), sparse (plain Java, Vector
 * API) and shrunk layers or networks over sparsities and batch sizes, with JIT warm-up, interleaved repetitions,
 * median and quartiles, as a long Tablesaw table ({@code shape, batch, sparsity, method, median_ms, p25_ms,
 * p75_ms, vs_best_dense, ...}) from which {@link org.prune4j.bench.Crossover} finds where sparse starts to pay
 * ({@code vs_best_dense}: a method's time over the fastest dense method's, taken round by round, so that a slow
 * stretch of the machine does not land on one side only):
 *
 * <pre>{@code
 * Table t = Timing.of(pruned).batches(1, 32, 256).run();   // a network, end to end
 * Timing.crossover(t)                                       // shape, batch, crossover_sparsity
 * }</pre>
 *
 * Measurements are taken on whatever else the machine is doing: compare methods within one table (they are
 * interleaved), and repeat across JVMs before trusting a difference of a few per cent.
 */
package org.prune4j.bench;
