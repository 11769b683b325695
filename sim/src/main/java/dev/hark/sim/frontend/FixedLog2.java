package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.LOG_FRAC_BITS;
import static dev.hark.sim.frontend.FrontendConfig.LOG_MANTISSA_BITS;

/**
 * Stage 5: {@code log2(u)} in Q16 for an int64 {@code u >= 1}, by leading-zero count plus bit-by-bit
 * squaring (no table, exact integer steps).
 *
 * <pre>
 *   e = 63 - clz64(u)                                   integer part, 0..62
 *   m = e >= 30 ? u >> (e - 30) : u << (30 - e)         mantissa in Q30, 2^30 <= m < 2^31 (shift truncates)
 *   repeat 16 times:
 *       m = (m * m) >> 30                               int64, truncating; now 2^30 <= m < 2^32
 *       bit = (m >= 2^31);  if bit: m = m >> 1          squaring doubles log2(m); a carry past 1.0 is the bit
 *       frac = (frac << 1) | bit
 *   result = (e << 16) | frac
 * </pre>
 * The result is within a few Q16 units below {@code 2^16 log2(u)} (it truncates rather than rounds).
 */
public final class FixedLog2 {
    private static final long TWO = 1L << (LOG_MANTISSA_BITS + 1);

    private FixedLog2() {
    }

    /**
     * @param u a value in [1, 2^62]
     * @return {@code log2(u)} in Q16, in [0, 62 * 2^16]
     * @throws IllegalArgumentException if u < 1
     */
    public static int log2Q16(long u) {
        if (u < 1) {
            throw new IllegalArgumentException("log2 needs a positive argument, got " + u);
        }
        int e = 63 - Long.numberOfLeadingZeros(u);
        long m = e >= LOG_MANTISSA_BITS ? u >> (e - LOG_MANTISSA_BITS) : u << (LOG_MANTISSA_BITS - e);
        int frac = 0;
        for (int i = 0; i < LOG_FRAC_BITS; i++) {
            m = (m * m) >> LOG_MANTISSA_BITS;
            frac <<= 1;
            if (m >= TWO) {
                frac |= 1;
                m >>= 1;
            }
        }
        return (e << LOG_FRAC_BITS) | frac;
    }
}
