package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.FFT_SIZE;
import static dev.hark.sim.frontend.FrontendConfig.HOP_SAMPLES;
import static dev.hark.sim.frontend.FrontendConfig.MEL_BINS;
import static dev.hark.sim.frontend.FrontendConfig.PAD_SAMPLES;
import static dev.hark.sim.frontend.FrontendConfig.SPECTRUM_BINS;
import static dev.hark.sim.frontend.FrontendConfig.WINDOW_SAMPLES;

import java.util.Arrays;

/**
 * The integer-only log-mel front end: int16 PCM at 16 kHz in, int8 features out, bit-exact with the C
 * implementation specified in docs/frontend.md. These features are the network's int8 input, in training
 * and on the device.
 *
 * <p>Framing: the signal is padded with 200 zeros on each side; frame f reads padded samples
 * {@code [160 f, 160 f + 400)}, i.e. it is centered on input sample {@code 160 f}. A clip of n samples has
 * {@code 1 + floor(n / 160)} frames (101 for one second). Each frame goes through {@link HannWindow},
 * {@link FixedFft}, {@link PowerSpectrum}, {@link MelFilterbank}, {@link FixedLog2} (of energy + 1) and
 * {@link FeatureQuantizer}.
 *
 * <p>Frames are independent, so a streaming caller keeps the last 400 samples, appends 160 new ones and
 * calls {@link #computeFrame}; {@link StreamingFrontend} does exactly that, with this framing. An instance holds
 * scratch buffers and is not thread-safe; use one per thread.
 */
public final class LogMelFrontend {
    private final int[] re = new int[FFT_SIZE];
    private final int[] im = new int[FFT_SIZE];
    private final long[] power = new long[SPECTRUM_BINS];
    private final long[] melEnergy = new long[MEL_BINS];

    /**
     * Number of frames for a clip: {@code 1 + floor(samples / 160)}.
     *
     * @throws IllegalArgumentException if samples < 1
     */
    public static int frameCount(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("the front end needs at least 1 sample, got " + samples);
        }
        return 1 + samples / HOP_SAMPLES;
    }

    /**
     * Features of a whole clip.
     *
     * @param samples 16 kHz mono int16 PCM, length >= 1 (normally 16000)
     * @return {@code frameCount(samples.length) * 40} int8 codes, row-major [frame][mel bin]
     * @throws IllegalArgumentException if samples is empty
     */
    public byte[] compute(short[] samples) {
        int frames = frameCount(samples.length);
        short[] padded = new short[samples.length + 2 * PAD_SAMPLES];
        System.arraycopy(samples, 0, padded, PAD_SAMPLES, samples.length);
        byte[] out = new byte[frames * MEL_BINS];
        for (int f = 0; f < frames; f++) {
            computeFrame(padded, f * HOP_SAMPLES, out, f * MEL_BINS);
        }
        return out;
    }

    /**
     * Features of one frame of exactly 400 samples.
     *
     * @param frame  the 400 samples of the frame (already including any zero padding)
     * @param out    receives 40 codes at {@code out[outOffset .. outOffset + 40)}
     * @throws IllegalArgumentException if frame is not 400 samples long or out is too short
     */
    public void computeFrame(short[] frame, byte[] out, int outOffset) {
        if (frame.length != WINDOW_SAMPLES) {
            throw new IllegalArgumentException("a frame has " + WINDOW_SAMPLES + " samples, not " + frame.length);
        }
        computeFrame(frame, 0, out, outOffset);
    }

    /**
     * Features of the frame {@code samples[offset .. offset + 400)}.
     *
     * @throws IllegalArgumentException if the frame or the 40 outputs fall outside their arrays
     */
    public void computeFrame(short[] samples, int offset, byte[] out, int outOffset) {
        checkRanges(samples, offset, out, outOffset);
        spectrumAndMel(samples, offset);
        for (int m = 0; m < MEL_BINS; m++) {
            out[outOffset + m] = FeatureQuantizer.quantize(FixedLog2.log2Q16(melEnergy[m] + 1));
        }
    }

    /** Like {@link #computeFrame(short[], int, byte[], int)} but returns every intermediate stage. */
    public FrameTrace traceFrame(short[] samples, int offset) {
        byte[] features = new byte[MEL_BINS];
        checkRanges(samples, offset, features, 0);
        int[] windowed = new int[WINDOW_SAMPLES];
        HannWindow.apply(samples, offset, FrontendTables.WINDOW_Q15, windowed);
        spectrumAndMel(samples, offset);
        int[] logQ16 = new int[MEL_BINS];
        for (int m = 0; m < MEL_BINS; m++) {
            logQ16[m] = FixedLog2.log2Q16(melEnergy[m] + 1);
            features[m] = FeatureQuantizer.quantize(logQ16[m]);
        }
        return new FrameTrace(windowed, re.clone(), im.clone(), power.clone(), melEnergy.clone(), logQ16,
                features);
    }

    private void spectrumAndMel(short[] samples, int offset) {
        // The window writes re[0..400); the zero tail and the zero imaginary part make the 512-point input.
        HannWindow.apply(samples, offset, FrontendTables.WINDOW_Q15, re);
        Arrays.fill(re, WINDOW_SAMPLES, FFT_SIZE, 0);
        Arrays.fill(im, 0);
        FixedFft.forward(re, im, FrontendTables.COS_Q30, FrontendTables.SIN_Q30);
        PowerSpectrum.compute(re, im, power);
        FrontendTables.MEL.apply(power, melEnergy);
    }

    private static void checkRanges(short[] samples, int offset, byte[] out, int outOffset) {
        if (offset < 0 || offset > samples.length - WINDOW_SAMPLES) {
            throw new IllegalArgumentException("frame [" + offset + ", " + (offset + WINDOW_SAMPLES)
                    + ") is outside the " + samples.length + "-sample input");
        }
        if (outOffset < 0 || outOffset > out.length - MEL_BINS) {
            throw new IllegalArgumentException("features [" + outOffset + ", " + (outOffset + MEL_BINS)
                    + ") are outside the " + out.length + "-byte output");
        }
    }
}
