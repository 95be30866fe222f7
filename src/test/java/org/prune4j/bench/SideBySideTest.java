package org.prune4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void ratiosAreTakenRoundByRoundOverTheRoundsBothSampled() {
        Map<String, double[]> rounds = new LinkedHashMap<>();
        // a machine that is twice as slow in rounds 2 and 4: a's median is 2.0 and b's 2.0, yet a is always faster
        rounds.put("a", new double[] {1, 2, Double.NaN, 2, 1});
        rounds.put("b", new double[] {2, 4, 3, 4, Double.NaN});
        SideBySide s = new SideBySide(rounds, Map.of("a", 1, "b", 3));
        assertEquals(List.of("a", "b"), List.copyOf(s.measurements().keySet()));
        assertEquals(4, s.get("a").samples());
        assertEquals(1.5, s.get("a").medianMs(), 1e-12);
        assertEquals(3.5, s.get("b").medianMs(), 1e-12);
        assertEquals(3, s.get("b").calls());
        // rounds 0, 1, 3: 0.5, 0.5, 0.5
        assertEquals(0.5, s.ratio("a", "b"), 1e-12);
        assertEquals(2.0, s.ratio("b", "a"), 1e-12);
        assertEquals(1.0, s.ratio("a", "a"), 1e-12);
        assertTrue(Double.isNaN(s.ratio("a", "missing")));
    }

    @Test
    void theSamplerKeepsItsRounds() {
        Sampler sampler = new Sampler(0.01, 0.01, 3, 5);
        Map<String, Runnable> calls = new LinkedHashMap<>();
        long[] sink = new long[1];
        calls.put("short", () -> sink[0] += System.nanoTime() % 3);
        calls.put("long", () -> {
            long end = System.nanoTime() + 300_000;
            while (System.nanoTime() < end) {
                sink[0]++;
            }
        });
        SideBySide s = sampler.measure(calls, "");
        assertTrue(s.get("short").samples() >= 3 && s.get("long").samples() >= 3);
        double r = s.ratio("short", "long");
        assertTrue(r > 0 && r < 0.5, "a short call over a 0.3 ms one: " + r);
    }

    @Test
    void theCallsSettleOnceForEachMethodAndKey() {
        Sampler sampler = new Sampler(0.001, 0.001, 3, 3);
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("a", () -> { });
        sampler.measure(calls, "batch 1");
        assertEquals(1, sampler.settles());
        sampler.measure(calls, "batch 1");
        assertEquals(1, sampler.settles(), "the same method with the same key: no second settling");
        sampler.measure(calls, "batch 32");
        assertEquals(2, sampler.settles(), "another batch size takes other paths");
        calls.put("b", () -> { });
        sampler.measure(calls, "batch 1");
        assertEquals(3, sampler.settles(), "a method not met before with this key");
    }
}
