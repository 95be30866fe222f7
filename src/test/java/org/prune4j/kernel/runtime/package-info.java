/**
 * What notebook code sees: the counterpart of IJava's {@code io.github.spencerpark.ijava.runtime}
 * package. The kernel's start-up script static-imports all three classes, so in every cell
 * {@code display(x)}, {@code display(x, "text/html")}, {@code render(x)}, {@code updateDisplay(id, x)},
 * {@code eval("...")}, {@code lineMagic(...)} and {@code cellMagic(...)} are available unqualified,
 * with IJava's signatures. Notebooks should use these unqualified names only: the fully qualified class
 * names differ between this kernel and IJava.
 */
package org.prune4j.kernel.runtime;
