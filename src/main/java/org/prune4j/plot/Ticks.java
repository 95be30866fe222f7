package org.prune4j.plot;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Round axis ranges and their tick labels: XChart steps ticks from the axis minimum, so a range like ±0.33 gives
 * ticks at -0.33, -0.29, … and a label "-0" where zero should be.
 */
final class Ticks {
    // the axis gets five labels, at 0, ±half and ±all of the range: each of these halves to a round number too
    private static final double[] STEPS = {1, 1.2, 1.6, 2, 3, 4, 5, 6, 8, 10};

    private Ticks() {
    }

    /** @return the smallest round number ({@code STEPS} times a power of ten) at least {@code v}; v if not positive */
    static double roundUp(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return v;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double s : STEPS) {
            double candidate = s * decade;
            if (candidate >= v * (1 - 1e-12)) {
                return candidate;
            }
        }
        return 10 * decade;
    }

    /**
     * @param range the axis's largest absolute value
     * @return labels with two significant digits of the range, no "-0" and no float noise (0.30000000000000004)
     */
    static Function<Double, String> formatter(double range) {
        int decimals = range > 0 ? Math.max(0, 1 - (int) Math.floor(Math.log10(range))) : 2;
        double zero = range * 1e-9;
        return v -> {
            double shown = Math.abs(v) < zero ? 0 : v;
            return new BigDecimal(shown).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        };
    }
}
