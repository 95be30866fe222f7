package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HalfTest {
    @Test
    void goldenValues() {
        assertEquals(0x3c00, Half.fromFloat(1f) & 0xffff);
        assertEquals(0xc000, Half.fromFloat(-2f) & 0xffff);
        assertEquals(0x7bff, Half.fromFloat(65504f) & 0xffff);
        assertEquals(0x7c00, Half.fromFloat(65520f) & 0xffff);      // rounds up past the largest: infinity
        assertEquals(0x2e66, Half.fromFloat(0.1f) & 0xffff);
        assertEquals(0x0400, Half.fromFloat(0x1p-14f) & 0xffff);    // smallest normal
        assertEquals(0x0001, Half.fromFloat(0x1p-24f) & 0xffff);    // smallest subnormal
        assertEquals(0x0000, Half.fromFloat(0x1p-25f) & 0xffff);    // tie between 0 and 2^-24: even is 0
        assertEquals(0x0002, Half.fromFloat(0x1.8p-24f) & 0xffff);  // tie between 1 and 2 units: even is 2
        assertEquals(0x3c00, Half.fromFloat(1 + 0x1p-11f) & 0xffff); // tie: stays on the even 1.0
        assertEquals(0x3c02, Half.fromFloat(1 + 0x1.8p-10f) & 0xffff); // tie between ...01 and ...02: even
        assertEquals(0x8000, Half.fromFloat(-0f) & 0xffff);
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(Half.fromFloat(Float.POSITIVE_INFINITY)));
        assertEquals(Float.NaN, Half.toFloat(Half.fromFloat(Float.NaN)));
    }

    @Test
    void everyHalfRoundTripsExactly() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Half.toFloat((short) h);
            if (!Float.isNaN(f)) {
                assertEquals(h, Half.fromFloat(f) & 0xffff, "half 0x" + Integer.toHexString(h));
            }
        }
    }

    @Test
    void roundingIsToTheNearest() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            float f = (float) ((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(-26, 16)));
            float h = Half.round(f);
            short bits = Half.fromFloat(f);
            // neither neighbour of the chosen half is closer
            float up = Half.toFloat((short) (bits + 1));
            float down = Half.toFloat((short) (bits - 1));
            double err = Math.abs((double) h - f);
            if ((bits & 0x7fff) != 0) {
                assertEquals(true, err <= Math.abs((double) down - f) + 0.0, f + " -> " + h);
            }
            if ((bits & 0x7fff) < 0x7bff) {
                assertEquals(true, err <= Math.abs((double) up - f), f + " -> " + h);
            }
        }
    }
}
