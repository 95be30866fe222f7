package org.prune4j.bench;

import java.util.Locale;

/**
 * How timing tables classify a multiplication method by its name, which decides the {@link Crossover}: where
 * the fastest {@link #SPARSE} method starts to beat the fastest {@link #DENSE} one.
 *
 * <ul>
 *   <li>{@link #DENSE}: the name starts with {@code dense} ({@code dense_nd4j}, {@code dense_java},
 *       {@code dense_vector}, ...);</li>
 *   <li>{@link #SHRUNK}: the name starts with {@code shrunk} (dense kernels on a network whose dead units were
 *       removed): its own series in charts, counted on neither side of the crossover;</li>
 *   <li>{@link #MIXED}: the name starts with {@code mixed} (a network whose denser layers run dense, the others
 *       sparse: {@link Timing#MIXED}): its own series, counted on neither side, since at low sparsities it runs
 *       the very dense kernels it would be compared with;</li>
 *   <li>{@link #SPARSE}: every other name ({@code sparse_java}, {@code sparse_vector}, {@code csr}, ...).</li>
 * </ul>
 * Names are compared case-insensitively.
 */
public enum MethodKind {
    /** Dense kernels over the full weight matrix. */
    DENSE,
    /** Sparse-format kernels (CSR, SELL-C-σ, ...). */
    SPARSE,
    /** Dense kernels over a shrunk network. */
    SHRUNK,
    /** A network with some layers dense, the others sparse. */
    MIXED;

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
        if (m.startsWith("mixed")) {
            return MIXED;
        }
        return SPARSE;
    }
}
