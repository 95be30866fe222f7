package org.prune4j.prune;

/**
 * How much to prune, with the meaning of a second pruning made explicit.
 *
 * <ul>
 *   <li>{@link #toSparsity(double)}: afterwards a fraction {@code s} of the weights (or units) is pruned in total,
 *       counting what was pruned before. Asking for less than is already pruned changes nothing.</li>
 *   <li>{@link #ofRemaining(double)}: prune a fraction {@code f} of what is still unpruned, as
 *       {@code torch.nn.utils.prune} does when methods are applied repeatedly; after two applications of
 *       {@code ofRemaining(0.5)}, 75 % is pruned.</li>
 * </ul>
 * Counts are rounded to the nearest whole number of weights, halves to even, as torch's Python {@code round} does.
 */
public sealed interface Amount {

    /**
     * @param sparsity total pruned fraction in [0, 1]
     * @return the amount
     */
    static Amount toSparsity(double sparsity) {
        return new ToSparsity(sparsity);
    }

    /**
     * @param fraction fraction of the still-unpruned weights to prune, in [0, 1]
     * @return the amount
     */
    static Amount ofRemaining(double fraction) {
        return new OfRemaining(fraction);
    }

    /**
     * @param total         weights (or units) in the set
     * @param alreadyPruned how many of them are pruned already
     * @return how many must be pruned afterwards in total (never fewer than {@code alreadyPruned})
     */
    long prunedCount(long total, long alreadyPruned);

    /** @return the fraction as given */
    double value();

    /** Total sparsity afterwards. @param value the fraction */
    record ToSparsity(double value) implements Amount {
        /** Validates the fraction. */
        public ToSparsity {
            check(value, "sparsity");
        }

        @Override
        public long prunedCount(long total, long alreadyPruned) {
            return Math.max(alreadyPruned, (long) Math.rint(value * total));
        }

        @Override
        public String toString() {
            return "to sparsity " + percent(value);
        }
    }

    /** A fraction of what remains. @param value the fraction */
    record OfRemaining(double value) implements Amount {
        /** Validates the fraction. */
        public OfRemaining {
            check(value, "fraction of the remaining weights");
        }

        @Override
        public long prunedCount(long total, long alreadyPruned) {
            return alreadyPruned + (long) Math.rint(value * (total - alreadyPruned));
        }

        @Override
        public String toString() {
            return percent(value) + " of the remaining";
        }
    }

    /** @return a fraction as a percentage with at most four significant digits, e.g. "57.46 %" or "90 %" */
    private static String percent(double fraction) {
        return new java.math.BigDecimal(fraction * 100).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    private static void check(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value
                    + " (percentages are fractions here: 90 % is 0.9)");
        }
    }
}
