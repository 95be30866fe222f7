package org.prune4j.sparse;

/**
 * IEEE 754 half precision (binary16) conversion, round to nearest even, as {@code Float.floatToFloat16} does from
 * Java 20 on (this project targets 17).
 */
public final class Half {
    /** The largest finite half: 65504. */
    public static final float MAX = 65504f;

    private Half() {
    }

    /**
     * @param f a float with {@code |f| <= 65504} (or NaN/infinity, kept as such)
     * @return its nearest half, as the low 16 bits
     */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) { // NaN or infinity
            return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 : 0));
        }
        if (abs >= 0x477ff000) { // rounds to >= 65520: overflow
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) { // below the smallest normal half: subnormal or zero
            if (abs < 0x33000000) { // below half of the smallest subnormal (2^-25): zero
                return (short) sign;
            }
            int exp = abs >>> 23;
            int mant = (abs & 0x7fffff) | 0x800000;
            int shift = 126 - exp; // value = mant · 2^(exp − 150); a subnormal half counts units of 2^−24
            // round to nearest even on the bits shifted out
            int q = mant >>> shift;
            int rem = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (q & 1) == 1)) {
                q++;
            }
            return (short) (sign | q);
        }
        int exp = (abs >>> 23) - 127 + 15;
        int mant = abs & 0x7fffff;
        int q = (exp << 10) | (mant >>> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (q & 1) == 1)) {
            q++; // may carry into the exponent, which is right
        }
        return (short) (sign | q);
    }

    /**
     * @param h a half in the low 16 bits
     * @return its exact float value
     */
    public static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal (or zero): exact
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /**
     * @param f a float
     * @return {@code f} rounded to half precision and back
     */
    public static float round(float f) {
        return toFloat(fromFloat(f));
    }
}
