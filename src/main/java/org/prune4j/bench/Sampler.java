package org.prune4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Times several calls side by side: each is warmed up (so the JIT has compiled it), then samples are taken in
 * rounds, one sample of every call per round, so slow drifts of a shared machine hit all calls alike. Each call
 * gets as many samples as fit its time budget, within [min, max]. Every sample is preceded by untimed calls of the
 * same method ({@link #warm}), so that, like a timing loop, it sees its own data in cache rather than what the
 * previous method left there. The rounds are kept, so that two calls can be compared round by round
 * ({@link SideBySide#ratio}).
 */
final class Sampler {
    private final double warmupSeconds;
    private final double budgetSeconds;
    private final int minSamples;
    private final int maxSamples;
    /** Samples shorter than this are made of several calls. */
    private static final double MIN_SAMPLE_SECONDS = 200e-6;
    /**
     * Seconds the calls run round-robin before anything is timed, the first time a method is measured for a given
     * key (e.g. a batch size, whose calls take other paths through the code). In a notebook, the first few hundred
     * milliseconds of a cell ran a two-core kernel 2–3× slower than the rest of the cell (784×300 at batch 1: 25–35
     * µs, then 10–14 µs), even after both cores had been kept busy for a second, while one-core kernels were not
     * affected; a per-call warm-up of {@code warmupSeconds} could end inside that stretch. Under the default tiered
     * JIT (a notebook's), the pruned LeNet's sparse pass at batch 1 timed right after the JIT warm-up took 0.026-0.048
     * ms, and 0.007-0.020 ms when timed again in the same JVM (four JVMs): its code reached the last tier, or was
     * recompiled, during the first cell. Settled once per batch size: 0.0071-0.0082 ms the first time, 0.0061-0.0080
     * the second (two JVMs).
     */
    private static final double SETTLE_SECONDS = 1.0;
    private final Set<String> settled = new HashSet<>();
    private int settles;

    Sampler(double warmupSeconds, double budgetSeconds, int minSamples, int maxSamples) {
        this.warmupSeconds = warmupSeconds;
        this.budgetSeconds = budgetSeconds;
        this.minSamples = minSamples;
        this.maxSamples = maxSamples;
    }

    /**
     * @param calls named calls
     * @param key   what else decides the paths the calls take (e.g. the batch size); a method met for the first time
     *              with this key makes all calls run round-robin for {@value #SETTLE_SECONDS} s first
     * @return their measurements, in the same order, with their rounds
     */
    SideBySide measure(Map<String, Runnable> calls, String key) {
        boolean fresh = false;
        for (String name : calls.keySet()) {
            fresh |= settled.add(name + "|" + key);
        }
        if (fresh) {
            settles++;
            long end = System.nanoTime() + (long) (SETTLE_SECONDS * 1e9);
            for (Iterator<Runnable> it = calls.values().iterator(); System.nanoTime() < end; ) {
                if (!it.hasNext()) {
                    it = calls.values().iterator();
                }
                it.next().run();
            }
        }
        List<String> names = new ArrayList<>(calls.keySet());
        int n = names.size();
        int[] perSample = new int[n];
        int[] samples = new int[n];
        double[] perCall = new double[n];
        for (int i = 0; i < n; i++) {
            double t = warmUp(calls.get(names.get(i)));
            perCall[i] = t;
            perSample[i] = (int) Math.max(1, Math.ceil(MIN_SAMPLE_SECONDS / t));
            samples[i] = (int) Math.max(minSamples, Math.min(maxSamples, budgetSeconds / (t * perSample[i])));
        }
        int rounds = 0;
        for (int s : samples) {
            rounds = Math.max(rounds, s);
        }
        double[][] times = new double[n][rounds];
        for (double[] t : times) {
            Arrays.fill(t, Double.NaN);
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                if (r < samples[i]) {
                    Runnable call = calls.get(names.get(i));
                    int k = perSample[i];
                    warm(call, k, perCall[i]);
                    long t0 = System.nanoTime();
                    for (int c = 0; c < k; c++) {
                        call.run();
                    }
                    times[i][r] = (System.nanoTime() - t0) / 1e6 / k;
                }
            }
        }
        Map<String, double[]> byName = new LinkedHashMap<>();
        Map<String, Integer> callsPerSample = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byName.put(names.get(i), times[i]);
            callsPerSample.put(names.get(i), perSample[i]);
        }
        return new SideBySide(byName, callsPerSample);
    }

    /** @return how many times the calls were run round-robin before timing ({@link #SETTLE_SECONDS}) */
    int settles() {
        return settles;
    }

    /**
     * Untimed calls before a sample, so that it sees its own data in cache as a loop of inferences would, not what
     * the method timed before it left there. One call is not enough for a working set that fits in L3 but not L2
     * (e.g. a 4096 x 4096 SpMV at 90 %, 13 MB): L3 is a victim cache of L2 that, after another method streamed
     * 64 MB through it, kept only part of one pass; measured 1.6x slower after one untimed call, and equal to
     * back-to-back calls after three. Three were not enough for the dense 4096 x 4096 product at batch 1 (64 MB of
     * weights) after a sparse call at 30 % sparsity had streamed 94 MB: 2.30 ms after one untimed call, 1.74 after
     * three, 1.53 after ten and 1.55 after thirty (back to back: 1.5), which made sparse at 50 % look 1.27x the
     * dense time instead of 1.49x (one run, medians of 31 rounds). So samples of one call get up to ten untimed
     * calls (at most 20 ms of them, at least one), and samples of several short calls one. The same for every
     * method.
     */
    private static void warm(Runnable call, int callsPerSample, double secondsPerCall) {
        int untimed = callsPerSample > 1 ? 1 : (int) Math.max(1, Math.min(10, 0.02 / secondsPerCall));
        for (int u = 0; u < untimed; u++) {
            call.run();
        }
    }

    /**
     * Runs the call until the warm-up time has passed, at least 5 calls were made (2 for calls over half a second)
     * and the fastest call has not improved by more than 5 % during the last third of the warm-up (the JIT has
     * settled); at most 20 s.
     *
     * @return the seconds per call of the fastest recent call
     */
    private double warmUp(Runnable call) {
        long start = System.nanoTime();
        long minNanos = (long) (warmupSeconds * 1e9);
        long settle = Math.max(1, minNanos / 3);
        int count = 0;
        double best = Double.MAX_VALUE;
        long lastImprovement = start;
        while (true) {
            long t0 = System.nanoTime();
            call.run();
            long t1 = System.nanoTime();
            double t = (t1 - t0) / 1e9;
            count++;
            if (t < best * 0.95) {
                lastImprovement = t1;
            }
            best = Math.min(best, t);
            boolean enough = count >= 5 || (count >= 2 && best > 0.5);
            if ((t1 - start >= minNanos && enough && t1 - lastImprovement >= settle) || t1 - start > 20e9) {
                break;
            }
        }
        return Math.max(best, 1e-8);
    }
}
