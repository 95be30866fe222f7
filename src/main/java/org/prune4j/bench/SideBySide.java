package org.prune4j.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls timed side by side by a {@link Sampler}: each call's {@link Measurement}, and the ratio of two calls taken
 * round by round. A shared machine drifts between faster and slower stretches lasting seconds; a ratio of two medians
 * mixes samples from different stretches (the same dense LeNet pass at batch 256: a median of 0.59 ms in one cell,
 * 1.05 ms in another of the same run), while the two samples of one round are taken milliseconds apart, under the
 * same load.
 */
final class SideBySide {
    /** Per call: milliseconds per call in each round, NaN where the call took no sample. */
    private final Map<String, double[]> rounds;
    private final Map<String, Measurement> measurements = new LinkedHashMap<>();

    /**
     * @param rounds per call, in order: milliseconds per call in each round (NaN where it took no sample)
     * @param calls  per call: calls per sample
     */
    SideBySide(Map<String, double[]> rounds, Map<String, Integer> calls) {
        this.rounds = rounds;
        rounds.forEach((name, t) -> measurements.put(name,
                Measurement.of(Arrays.stream(t).filter(Double::isFinite).toArray(), calls.get(name))));
    }

    /** @return each call's measurement, in the order the calls were given */
    Map<String, Measurement> measurements() {
        return Collections.unmodifiableMap(measurements);
    }

    /** @return the measurement of one call */
    Measurement get(String name) {
        return measurements.get(name);
    }

    /**
     * @param a a call
     * @param b another call
     * @return the median over the rounds in which both took a sample of (a's time / b's time); NaN if there are none
     */
    double ratio(String a, String b) {
        double[] ta = rounds.get(a);
        double[] tb = rounds.get(b);
        if (ta == null || tb == null) {
            return Double.NaN;
        }
        double[] r = new double[Math.min(ta.length, tb.length)];
        int n = 0;
        for (int i = 0; i < r.length; i++) {
            if (Double.isFinite(ta[i]) && Double.isFinite(tb[i]) && tb[i] > 0) {
                r[n++] = ta[i] / tb[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        r = Arrays.copyOf(r, n);
        Arrays.sort(r);
        return Measurement.quantile(r, 0.5);
    }
}
