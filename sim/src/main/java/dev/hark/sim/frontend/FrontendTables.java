package dev.hark.sim.frontend;

/**
 * The constant tables of the front end, computed once from the formulas documented on each stage (and in
 * docs/frontend.md) with {@link StrictMath}, so they are bit-identical on every JVM. A code generator emits
 * these arrays as C constants; the C front end therefore shares them by construction and never evaluates a
 * transcendental function.
 *
 * <p>Every accessor returns a fresh copy; the pipeline itself uses the package-private originals.
 */
public final class FrontendTables {
    static final short[] WINDOW_Q15 = HannWindow.buildTable();
    static final int[] COS_Q30 = FixedFft.buildCosTable();
    static final int[] SIN_Q30 = FixedFft.buildSinTable();
    static final MelFilterbank MEL = MelFilterbank.buildHtk();

    private FrontendTables() {
    }

    /** Periodic Hann window, 400 entries, Q15, values 0..32767 (C type int16_t). */
    public static short[] hannWindowQ15() {
        return WINDOW_Q15.clone();
    }

    /** {@code round(2^30 cos(2 pi k / 512))}, k = 0..255, values -2^30..2^30 (C type int32_t). */
    public static int[] twiddleCosQ30() {
        return COS_Q30.clone();
    }

    /** {@code round(2^30 sin(2 pi k / 512))}, k = 0..255, values 0..2^30 (C type int32_t). */
    public static int[] twiddleSinQ30() {
        return SIN_Q30.clone();
    }

    /** The sparse Q15 mel filterbank (immutable; its accessors return copies). */
    public static MelFilterbank melFilterbank() {
        return MEL;
    }
}
