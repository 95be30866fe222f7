package org.prune4j.bench;

/**
 * The timing of one call: quartiles of the per-call time over repeated samples, after warm-up.
 *
 * @param medianMs median milliseconds per call
 * @param p25Ms    25th percentile
 * @param p75Ms    75th percentile
 * @param samples  number of timed samples
 * @param calls    calls per sample (short calls are timed in groups so the clock's resolution does not matter)
 */
public record Measurement(double medianMs, double p25Ms, double p75Ms, int samples, int calls) {

    /**
     * @param perCallMs per-call times of the samples (sorted in place)
     * @param calls     calls per sample
     * @return the quartiles
     */
    static Measurement of(double[] perCallMs, int calls) {
        java.util.Arrays.sort(perCallMs);
        return new Measurement(quantile(perCallMs, 0.5), quantile(perCallMs, 0.25), quantile(perCallMs, 0.75),
                perCallMs.length, calls);
    }

    /** Linear interpolation between order statistics (type 7, as numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** @return (p75 − p25) / median: the relative spread */
    public double spread() {
        return medianMs > 0 ? (p75Ms - p25Ms) / medianMs : 0;
    }

    @Override
    public String toString() {
        return String.format("%.4f ms [%.4f, %.4f] x%d", medianMs, p25Ms, p75Ms, samples);
    }
}
