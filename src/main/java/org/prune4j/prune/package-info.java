/**
 * Pruning, shaped like PyTorch's {@code torch.nn.utils.prune}: a {@link org.prune4j.prune.PruningMethod} computes
 * 0/1 masks from a network's weights (and the masks they already carry); {@code apply} keeps the masks with the
 * layers, and training respects them exactly.
 *
 * <ul>
 *   <li>Methods ({@link org.prune4j.prune.Pruning}): per-layer magnitude, global magnitude, unit (neuron) pruning
 *       by column L2 norm, Han et al.'s threshold (quality × std), random.</li>
 *   <li>Amounts ({@link org.prune4j.prune.Amount}): "to total sparsity s" versus "a fraction of what remains"
 *       (torch's iterative semantics). Pruning never un-prunes.</li>
 *   <li>Schedules: one-shot, Han's iterative prune → retrain ({@link org.prune4j.prune.IterativePruning}),
 *       Zhu &amp; Gupta's gradual polynomial schedule ({@link org.prune4j.prune.GradualPruning}).</li>
 *   <li>{@link org.prune4j.prune.Shrink} removes dead neurons physically; {@link org.prune4j.prune.Report},
 *       {@link org.prune4j.prune.Sweep} and {@link org.prune4j.prune.Sensitivity} give Tablesaw tables.</li>
 * </ul>
 */
package org.prune4j.prune;
