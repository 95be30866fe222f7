package org.prune4j.plot;

import java.util.Locale;

/**
 * How a timing chart classifies a multiplication method by its name, which decides the crossover: the lowest
 * sparsity at which the fastest {@link #SPARSE} method beats the fastest {@link #DENSE} one.
 *
 * <ul>
 *   <li>{@link #DENSE}: the name starts with {@code dense} ({@code dense_nd4j}, {@code dense_java},
 *       {@code dense_vector}, ...);</li>
 *   <li>{@link #SHRUNK}: the name starts with {@code shrunk} (dense kernels on a network whose dead units were
 *       removed): drawn as its own series, counted on neither side of the crossover;</li>
 *   <li>{@link #SPARSE}: every other name ({@code csr}, {@code sell}, ...).</li>
 * </ul>
 * Names are compared case-insensitively.
 */
public enum MethodKind {
    /** Dense kernels over the full weight matrix. */
    DENSE,
    /** Sparse-format kernels (CSR, SELL-C-σ, ...). */
    SPARSE,
    /** Dense kernels over a shrunk network. */
    SHRUNK;

    /**
     * @param method a method name from a timing table
     * @return its kind
     */
    public static MethodKind of(String method) {
        String m = method.trim().toLowerCase(Locale.ROOT);
        if (m.startsWith("dense")) {
            return DENSE;
        }
        if (m.startsWith("shrunk")) {
            return SHRUNK;
        }
        return SPARSE;
    }
}
