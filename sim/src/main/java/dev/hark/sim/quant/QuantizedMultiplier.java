package dev.hark.sim.quant;

/**
 * A real scale factor in CMSIS-NN / TFLite integer form: {@code real ~= multiplier * 2^(shift - 31)}.
 *
 * <p>{@code multiplier} is a Q31 value in [2^30, 2^31 - 1] (or 0 for a zero scale) and {@code shift > 0}
 * means a left shift. CMSIS-NN's {@code arm_nn_requantize} accepts shifts in [-31, 30].
 *
 * @param multiplier Q31 mantissa
 * @param shift power-of-two exponent
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    private static final double TWO_POW_31 = 2147483648.0;

    /**
     * TFLite's {@code QuantizeMultiplier} (default build, not {@code TFLITE_SINGLE_ROUNDING}), exactly:
     * <pre>
     *   q, e = frexp(real)                  q in [0.5, 1)
     *   qf   = round_half_away_from_zero(q * 2^31)
     *   if qf == 2^31: qf = 2^30, e += 1
     *   if e &lt; -31:   (qf, e) = (0, 0)      (every bit would be shifted out)
     * </pre>
     *
     * @param realMultiplier finite and &ge; 0
     * @return the pair; (0, 0) for 0 and for values below 2^-32
     * @throws IllegalArgumentException for negative, NaN or infinite values
     */
    public static QuantizedMultiplier of(double realMultiplier) {
        if (!(realMultiplier >= 0) || Double.isInfinite(realMultiplier)) {
            throw new IllegalArgumentException("QuantizeMultiplier: real multiplier " + realMultiplier
                    + " must be finite and >= 0");
        }
        if (realMultiplier == 0) {
            return new QuantizedMultiplier(0, 0);
        }
        // frexp: real = q * 2^e with q in [0.5, 1). Subnormals get e = -1022 here, which is < -31 anyway.
        int exponent = Math.getExponent(realMultiplier) + 1;
        double q = Math.scalb(realMultiplier, -exponent); // exact: only the exponent changes
        long qFixed = roundHalfAwayFromZero(q * TWO_POW_31); // exact product: a power-of-two scaling
        if (qFixed == (1L << 31)) {
            qFixed /= 2;
            exponent++;
        }
        if (exponent < -31) {
            return new QuantizedMultiplier(0, 0);
        }
        return new QuantizedMultiplier((int) qFixed, exponent);
    }

    /**
     * The real value this pair stands for.
     *
     * @return {@code multiplier * 2^(shift - 31)}
     */
    public double realValue() {
        return Math.scalb((double) multiplier, shift - 31);
    }

    /** C's {@code round()}: halves go away from zero (unlike {@link Math#round}, which goes up). */
    private static long roundHalfAwayFromZero(double x) {
        double magnitude = Math.abs(x);
        double floor = Math.floor(magnitude);
        double rounded = magnitude - floor >= 0.5 ? floor + 1 : floor;
        return (long) Math.copySign(rounded, x);
    }
}
