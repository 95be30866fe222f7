package org.prune4j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cells of a timing sweep were measured while the machine was busy, judged by the fastest dense kernel, which
 * is timed in every cell and does the same work in each: a cell whose dense time is over {@value #FACTOR} × the
 * quietest cell's was measured in a busy stretch.
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
    /** Dense time over the quietest cell's above which a cell counts as busy. */
    static final double FACTOR = 1.25;

    private BusyCells() {
    }

    /**
     * @param denseMs the fastest dense kernel's median in each cell (NaN where not timed). Only the cells compare:
     *                the dense kernels timed alone, before them, ran faster than beside any sparse call (4096x4096
     *                at batch 1: every cell 1.4-1.6x slower, in all three attempts)
     * @return the indices of the busy cells, in order
     */
    static List<Integer> of(double[] denseMs) {
        double quietest = Double.POSITIVE_INFINITY;
        for (double d : denseMs) {
            if (d < quietest) {
                quietest = d;
            }
        }
        List<Integer> busy = new ArrayList<>();
        for (int i = 0; i < denseMs.length; i++) {
            if (denseMs[i] > FACTOR * quietest) {
                busy.add(i);
            }
        }
        return busy;
    }
}
