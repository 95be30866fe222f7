/**
 * Fully connected networks on ND4J: dense layers (weights stored {@code [in × out]}), ReLU, softmax
 * cross-entropy, dropout, SGD with momentum and L2 weight decay, Adam, shuffled seeded mini-batches, evaluation,
 * training history and progress, and saving.
 *
 * <p>This package knows nothing of pruning except two things: a layer may carry a 0/1 {@linkplain
 * org.prune4j.nn.DenseLayer#mask() mask} that training respects exactly (gradients, optimizer state and weights
 * are masked after every step), and a {@link org.prune4j.nn.TrainingListener} is called after every optimizer step
 * and every epoch, which is where pruning schedules hook in.
 */
package org.prune4j.nn;
