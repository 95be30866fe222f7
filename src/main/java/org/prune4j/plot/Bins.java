package org.prune4j.plot;

/**
 * Equal-width histogram bins over {@code [low, high]}: bin {@code i} holds {@code edge(i) <= v < edge(i + 1)}, the
 * last bin also {@code v == high}. The bin of a value is found against the same edges that are reported, so a count
 * made from the reported edges always agrees with the histogram.
 *
 * @param low   left edge of the first bin
 * @param high  right edge of the last bin
 * @param count number of bins
 */
record Bins(double low, double high, int count) {
    Bins {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + count);
        }
        if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("bins need finite low < high, got [" + low + ", " + high + "]");
        }
    }

    /** Bins symmetric about zero that cover {@code ±maxAbs} (a tiny range if everything is zero). */
    static Bins symmetric(double maxAbs, int count) {
        double m = maxAbs > 0 && Double.isFinite(maxAbs) ? maxAbs : 1e-6;
        return new Bins(-m, m, count);
    }

    double edge(int i) {
        return i == count ? high : low + (high - low) * i / count;
    }

    /** @return the bin of {@code v}, or -1 if it lies outside {@code [low, high]} or is NaN */
    int index(double v) {
        if (!(v >= low && v <= high)) {
            return -1;
        }
        int i = (int) Math.floor((v - low) / (high - low) * count);
        i = Math.max(0, Math.min(count - 1, i));
        while (i > 0 && v < edge(i)) {
            i--;
        }
        while (i < count - 1 && v >= edge(i + 1)) {
            i++;
        }
        return i;
    }

    /**
     * @param values the values
     * @param zeros  whether exact zeros are counted
     * @return counts per bin
     */
    long[] histogram(float[] values, boolean zeros) {
        long[] counts = new long[count];
        for (float v : values) {
            if (v == 0f && !zeros) {
                continue;
            }
            int i = index(v);
            if (i >= 0) {
                counts[i]++;
            }
        }
        return counts;
    }
}
