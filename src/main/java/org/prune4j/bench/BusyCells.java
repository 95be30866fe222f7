package org.prune4j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cells of a timing sweep were measured while the machine was busy, judged by the fastest dense kernel, which
 * is timed in every cell and does the same work in each: a cell whose dense time is over {@value #FACTOR} × the
 * quietest one's (of the cells, or of the dense kernels' own measurement before them) was measured in a busy stretch.
 * The dense kernels' own measurement lets a timing of one cell (a network as it is) notice a busy stretch too.
 *
 * <p>Why it matters: the machines are shared, and for seconds at a time the vector units run at half speed while
 * scalar code does not slow down (measured here, one core, 20 s: 512-bit FMAs 2.3–5.3 per ns in 200 ms windows, with
 * stretches of several seconds at 2.3–2.6, while a scalar multiply-add chain stayed at 3.1–3.9 per ns). The dense
 * kernels are bound by the FMA units and the sparse ones by loads, so a busy stretch slows dense more than sparse
 * and a ratio taken in it, even round by round, flatters sparse (the pruned LeNet at batch 256: the dense pass took
 * 0.57–0.60 ms in quiet cells and 0.86–1.32 ms in busy ones of the same run, where sparse "won" at 40 % and lost at
 * 50 %).
 */
final class BusyCells {
    /** Dense time over the quietest one's above which a cell counts as busy. */
    static final double FACTOR = 1.25;

    private BusyCells() {
    }

    /**
     * @param denseMs the fastest dense kernel's median in each cell (NaN where not timed)
     * @param aloneMs its median when the dense kernels were measured alone, before the cells (NaN to compare the
     *                cells only)
     * @return the indices of the busy cells, in order
     */
    static List<Integer> of(double[] denseMs, double aloneMs) {
        double quietest = quietest(denseMs, aloneMs);
        List<Integer> busy = new ArrayList<>();
        for (int i = 0; i < denseMs.length; i++) {
            if (denseMs[i] > FACTOR * quietest) {
                busy.add(i);
            }
        }
        return busy;
    }

    /** @return the lowest of the cells' dense times and the dense kernels' own (NaNs ignored) */
    static double quietest(double[] denseMs, double aloneMs) {
        double quietest = aloneMs >= 0 ? aloneMs : Double.POSITIVE_INFINITY;
        for (double d : denseMs) {
            if (d < quietest) {
                quietest = d;
            }
        }
        return quietest;
    }
}
