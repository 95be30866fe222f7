/**
 * Charts of pruning results, drawn with XChart and returned as {@link org.prune4j.plot.Plot}s — images that show
 * inline in an IJava notebook cell and save to PNG or SVG. {@link org.prune4j.plot.Charts} is the one entry point:
 * weight histograms per layer and state, accuracy against sparsity, per-layer sensitivity, weights kept per layer,
 * timing with the dense/sparse crossover, masks and weight matrices as heat maps, training curves.
 *
 * <p>Every plot carries the numbers it was drawn from ({@link org.prune4j.plot.Plot#data()}), so a chart can be
 * checked against its source and printed as a table. Colours come from {@link org.prune4j.plot.Palette}
 * (Okabe–Ito, viridis): readable with colour-vision deficiencies and in greyscale print, helped by distinct markers
 * and line dashes.
 *
 * <p>Table inputs follow fixed column contracts, named on each {@code Charts} method (e.g. a sweep has
 * {@code series, sparsity, accuracy}; fractions, not percent). This package only reads {@code nn} objects and
 * tables; it never changes a network.
 *
 * <p>{@link org.prune4j.plot.Gallery} regenerates the README's example images from a short real training run.
 */
package org.prune4j.plot;
