package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.LOG_MAX_Q16;
import static dev.hark.sim.frontend.FrontendConfig.LOG_MIN_Q16;

/**
 * Stage 6: the fixed affine map from Q16 log2 mel energy to the int8 feature.
 *
 * <pre>
 *   Lc  = clamp(L, LOG_MIN_Q16, LOG_MAX_Q16)
 *   den = LOG_MAX_Q16 - LOG_MIN_Q16
 *   q   = ((Lc - LOG_MIN_Q16) * 510 + den) / (2 * den) - 128     int64, numerator >= 0 so / is floor
 * </pre>
 * i.e. {@code q = round_half_up((Lc - LOG_MIN) * 255 / (LOG_MAX - LOG_MIN)) - 128}, in [-128, 127].
 * Dequantize with {@code real = (q - FEATURE_ZERO_POINT) * FEATURE_SCALE} (log2 units above LOG_MIN).
 */
public final class FeatureQuantizer {
    private FeatureQuantizer() {
    }

    /** Maps a Q16 log2 value (any int) to its int8 feature code. */
    public static byte quantize(int logQ16) {
        long lc = Math.max(LOG_MIN_Q16, Math.min(LOG_MAX_Q16, logQ16));
        long den = (long) LOG_MAX_Q16 - LOG_MIN_Q16;
        long q = ((lc - LOG_MIN_Q16) * 510 + den) / (2 * den) - 128;
        return (byte) q;
    }

    /** The real value a code stands for: {@code (q - FEATURE_ZERO_POINT) * FEATURE_SCALE}. */
    public static double dequantize(byte q) {
        return (q - FrontendConfig.FEATURE_ZERO_POINT) * FrontendConfig.FEATURE_SCALE;
    }
}
