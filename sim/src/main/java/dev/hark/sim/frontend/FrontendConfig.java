package dev.hark.sim.frontend;

import dev.hark.sim.model.TensorQuant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single source of every front-end constant. Training features, the simulator and the generated firmware
 * header all take their numbers from here; change one and the network's input changes meaning, so a model
 * trained before the change no longer matches the device. {@code docs/frontend.md} explains each constant.
 *
 * <p>The integer pipeline per frame is: window (Q15) -> 512-point fixed-point FFT (Q30 twiddles) -> power
 * spectrum shifted by {@link #POWER_SHIFT} -> 40 triangular HTK mel filters (Q15 weights, int64 sums) ->
 * fixed-point log2 of (energy + 1) in Q{@value #LOG_FRAC_BITS} -> affine int8 code.
 */
public final class FrontendConfig {
    private FrontendConfig() {
    }

    /** Input sample rate in Hz; input is mono signed 16-bit PCM. */
    public static final int SAMPLE_RATE_HZ = 16000;
    /** Analysis window length in samples (25 ms). */
    public static final int WINDOW_SAMPLES = 400;
    /** Hop between frames in samples (10 ms). */
    public static final int HOP_SAMPLES = 160;
    /** Zero samples added before and after the signal so that frame f is centered on sample {@code f * HOP}. */
    public static final int PAD_SAMPLES = WINDOW_SAMPLES / 2;
    /** FFT length; the windowed frame occupies points 0..399 and points 400..511 are zero. */
    public static final int FFT_SIZE = 512;
    /** log2 of {@link #FFT_SIZE}: the number of radix-2 stages. */
    public static final int FFT_STAGES = 9;
    /** Non-negative-frequency bins 0..FFT_SIZE/2 kept by the power spectrum. */
    public static final int SPECTRUM_BINS = FFT_SIZE / 2 + 1;
    /** Mel bins per frame, i.e. int8 features per frame. */
    public static final int MEL_BINS = 40;
    /** Lower edge of the first mel filter in Hz. */
    public static final int MEL_LOW_HZ = 20;
    /** Upper edge of the last mel filter in Hz (below Nyquist, clear of resampling filters' roll-off). */
    public static final int MEL_HIGH_HZ = 7600;
    /** Frames in a 1-second clip: {@code frameCount(16000)}. */
    public static final int FRAMES_PER_SECOND = 1 + SAMPLE_RATE_HZ / HOP_SAMPLES;

    /** Fraction bits of the Hann window table (values 0..32767). */
    public static final int WINDOW_FRAC_BITS = 15;
    /**
     * Right shift, with rounding, of {@code sample * window}. 15 - 7 = 8 guard bits are kept below the
     * sample's integer LSB so FFT rounding noise stays far below the int16 quantization noise.
     */
    public static final int WINDOW_SHIFT = 7;
    /** Fraction bits of the FFT twiddle tables (cos and sin, values -2^30..2^30). */
    public static final int TWIDDLE_FRAC_BITS = 30;
    /**
     * Right shift, with rounding, of {@code re^2 + im^2}. Undoes the 2 * 8 guard bits, so the power is in
     * units of (int16 LSB)^2, and keeps the int64 mel sums clear of overflow.
     */
    public static final int POWER_SHIFT = 16;
    /** Fraction bits of the mel filter weights (values 0..32767). */
    public static final int MEL_WEIGHT_FRAC_BITS = 15;
    /** Fraction bits of the fixed-point log2. */
    public static final int LOG_FRAC_BITS = 16;
    /** Fraction bits of the log2's mantissa while it is squared (Q30: in [1, 2), so its square stays below 2^62). */
    public static final int LOG_MANTISSA_BITS = 30;

    /** log2 value (Q16) that maps to code -128; everything at or below it, including silence, clamps there. */
    public static final int LOG_MIN_Q16 = 20 << LOG_FRAC_BITS;
    /** log2 value (Q16) that maps to code 127; louder values clamp there. */
    public static final int LOG_MAX_Q16 = LOG_MIN_Q16 + (255 * 5 << LOG_FRAC_BITS) / 32;

    /** Zero point of the int8 features: {@code real = (q - FEATURE_ZERO_POINT) * FEATURE_SCALE}. */
    public static final int FEATURE_ZERO_POINT = -128;
    /**
     * Scale of the int8 features in log2 units of mel energy: {@code (LOG_MAX - LOG_MIN) / 255}. The
     * dequantized value is the clamped log2 mel energy minus {@code LOG_MIN}.
     */
    public static final double FEATURE_SCALE =
            (double) (LOG_MAX_Q16 - LOG_MIN_Q16) / (255.0 * (1 << LOG_FRAC_BITS));

    /** The features' int8 grid as the model file records it (the scale is exact in float). */
    public static final TensorQuant FEATURE_QUANT = new TensorQuant((float) FEATURE_SCALE, FEATURE_ZERO_POINT);

    /** Names this front end in model files, so a model is never fed features of another front end. */
    public static final String ID = "hark-logmel-v1";

    /**
     * The integer constants above under stable C-style names, in a fixed order, for code generators that
     * emit them as {@code #define}s. The float {@link #FEATURE_SCALE} is not included.
     */
    public static Map<String, Long> integerConstants() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("SAMPLE_RATE_HZ", (long) SAMPLE_RATE_HZ);
        m.put("WINDOW_SAMPLES", (long) WINDOW_SAMPLES);
        m.put("HOP_SAMPLES", (long) HOP_SAMPLES);
        m.put("PAD_SAMPLES", (long) PAD_SAMPLES);
        m.put("FFT_SIZE", (long) FFT_SIZE);
        m.put("FFT_STAGES", (long) FFT_STAGES);
        m.put("SPECTRUM_BINS", (long) SPECTRUM_BINS);
        m.put("MEL_BINS", (long) MEL_BINS);
        m.put("MEL_LOW_HZ", (long) MEL_LOW_HZ);
        m.put("MEL_HIGH_HZ", (long) MEL_HIGH_HZ);
        m.put("FRAMES_PER_SECOND", (long) FRAMES_PER_SECOND);
        m.put("WINDOW_FRAC_BITS", (long) WINDOW_FRAC_BITS);
        m.put("WINDOW_SHIFT", (long) WINDOW_SHIFT);
        m.put("TWIDDLE_FRAC_BITS", (long) TWIDDLE_FRAC_BITS);
        m.put("POWER_SHIFT", (long) POWER_SHIFT);
        m.put("MEL_WEIGHT_FRAC_BITS", (long) MEL_WEIGHT_FRAC_BITS);
        m.put("LOG_FRAC_BITS", (long) LOG_FRAC_BITS);
        m.put("LOG_MANTISSA_BITS", (long) LOG_MANTISSA_BITS);
        m.put("LOG_MIN_Q16", (long) LOG_MIN_Q16);
        m.put("LOG_MAX_Q16", (long) LOG_MAX_Q16);
        m.put("FEATURE_ZERO_POINT", (long) FEATURE_ZERO_POINT);
        return Collections.unmodifiableMap(m);
    }
}
