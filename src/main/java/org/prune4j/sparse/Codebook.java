package org.prune4j.sparse;

import java.util.Arrays;

/**
 * Weight sharing as in Deep Compression (Han et al. 2016): one-dimensional k-means over a layer's non-zero weights
 * with linear initialisation between the smallest and largest weight (which keeps the rare large weights, the
 * ones that matter), so each weight is stored as a short code into a table of centroids.
 */
final class Codebook {
    private static final int MAX_ITERATIONS = 30;
    final float[] centroids;

    private Codebook(float[] centroids) {
        this.centroids = centroids;
    }

    /**
     * @param values the non-zero weights
     * @param size   number of centroids
     * @return the fitted codebook (sorted ascending)
     */
    static Codebook fit(float[] values, int size) {
        if (values.length == 0) {
            return new Codebook(new float[size]);
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        double[] c = new double[size];
        for (int i = 0; i < size; i++) {
            c[i] = size == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (size - 1);
        }
        // Lloyd's algorithm in 1-D: on sorted values each cluster is a contiguous run, split at centroid midpoints.
        double[] prefix = new double[sorted.length + 1];
        for (int i = 0; i < sorted.length; i++) {
            prefix[i + 1] = prefix[i] + sorted[i];
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean moved = false;
            int from = 0;
            for (int i = 0; i < size; i++) {
                int to = i == size - 1 ? sorted.length : upperBound(sorted, (c[i] + c[i + 1]) / 2);
                if (to > from) {
                    double mean = (prefix[to] - prefix[from]) / (to - from);
                    if (mean != c[i]) {
                        moved = true;
                        c[i] = mean;
                    }
                }
                from = Math.max(from, to);
            }
            Arrays.sort(c);
            if (!moved) {
                break;
            }
        }
        float[] f = new float[size];
        for (int i = 0; i < size; i++) {
            f[i] = (float) c[i];
        }
        return new Codebook(f);
    }

    private static int upperBound(float[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * @param v a weight
     * @return index of the nearest centroid
     */
    int nearest(float v) {
        int i = Arrays.binarySearch(centroids, v);
        if (i >= 0) {
            return i;
        }
        int hi = -i - 1;
        if (hi == 0) {
            return 0;
        }
        if (hi == centroids.length) {
            return hi - 1;
        }
        return v - centroids[hi - 1] <= centroids[hi] - v ? hi - 1 : hi;
    }
}
