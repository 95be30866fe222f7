package org.prune4j.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyPartRunsExactlyOnce() {
        for (int parts = 1; parts <= 7; parts++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(parts);
            for (int rep = 0; rep < 200; rep++) {
                Parallel.run(parts, runs::incrementAndGet);
            }
            for (int p = 0; p < parts; p++) {
                assertEquals(200, runs.get(p), "part " + p + " of " + parts);
            }
        }
    }

    @Test
    void aFailingPartIsRethrownAndThePoolStaysUsable() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.run(2, p -> {
            if (p == 1) {
                throw new IllegalStateException("part " + p);
            }
        }));
        assertEquals("part 1", e.getMessage());
        AtomicIntegerArray runs = new AtomicIntegerArray(2);
        Parallel.run(2, runs::incrementAndGet);
        assertEquals(1, runs.get(0));
        assertEquals(1, runs.get(1));
    }

    @Test
    void nestedCallsRunOnTheCaller() {
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        Parallel.run(2, outer -> Parallel.run(2, inner -> runs.incrementAndGet(outer * 2 + inner)));
        for (int i = 0; i < 4; i++) {
            assertEquals(1, runs.get(i));
        }
        assertThrows(IllegalArgumentException.class, () -> Parallel.run(0, p -> { }));
    }
}
