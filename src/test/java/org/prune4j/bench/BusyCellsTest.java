package org.prune4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BusyCellsTest {

    @Test
    void cellsOverTheFactorTimesTheQuietestAreBusy() {
        // the network at batch 256 in one sitting: dense 1.15, 0.86, 0.57, 0.60, 0.91 ms per cell
        double[] dense = {1.15, 0.86, 0.57, 0.60, 0.91, 0.71, 0.72};
        // 1.25 x 0.57 = 0.7125: 0.71 is quiet, 0.72 busy
        assertEquals(List.of(0, 1, 4, 6), BusyCells.of(dense, Double.NaN));
    }

    @Test
    void cellsWithinTheFactorOfEachOtherAreQuiet() {
        assertEquals(List.of(), BusyCells.of(new double[] {1.0, 1.1, 1.2, 1.25}, Double.NaN));
    }

    @Test
    void untimedCellsAreNeverBusy() {
        assertEquals(List.of(2), BusyCells.of(new double[] {Double.NaN, 1.0, 2.0}, Double.NaN));
    }

    @Test
    void theDenseKernelsOwnTimeJudgesASingleCell() {
        // a network timed as it is has one cell: only the dense kernels' measurement before it can call it busy
        assertEquals(List.of(0), BusyCells.of(new double[] {0.205}, 0.14));
        assertEquals(List.of(), BusyCells.of(new double[] {0.15}, 0.14));
        // a quieter cell than the dense kernels' own measurement is the reference
        assertEquals(List.of(1), BusyCells.of(new double[] {1.0, 1.3}, 1.2));
        assertEquals(0.9, BusyCells.quietest(new double[] {Double.NaN, 0.9}, 1.0), 0);
    }
}
