package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.HOP_SAMPLES;
import static dev.hark.sim.frontend.FrontendConfig.MEL_BINS;
import static dev.hark.sim.frontend.FrontendConfig.PAD_SAMPLES;
import static dev.hark.sim.frontend.FrontendConfig.WINDOW_SAMPLES;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The front end fed as audio arrives, with the framing of {@link LogMelFrontend#compute}: frame f is centered on
 * input sample {@code 160 f} and its window starts 200 samples earlier, in the zero padding for the first frames.
 * A frame is emitted as soon as its window is complete, i.e. once {@link #samplesForFrame samplesForFrame(f)}
 * {@code = 160 f + 200} samples have arrived: frame 0 after 200 samples, then one every 160. How the samples are
 * split into pushes does not matter.
 *
 * <p>{@link #finish} ends the clip: it emits the frames {@code compute} still has, whose windows reach past the last
 * sample (zeros stand in for the missing samples, as in {@code compute}), and starts a new clip. So the pushes of a
 * clip followed by {@code finish} give exactly {@code compute(clip)}. A device that listens forever never calls it.
 *
 * <p>The C front end ({@code hark_frontend_push} and {@code hark_frontend_finish} in
 * {@code firmware-template/hark-frontend}) is this same state machine: the 400-sample window, filled up to
 * {@code filled}, starts with the 200 padding zeros; a full window gives a frame and drops its oldest 160 samples.
 * An instance is not thread-safe.
 */
public final class StreamingFrontend {
    private final LogMelFrontend frontend = new LogMelFrontend();
    /** The next frame's window; {@code window[0 .. filled)} has arrived (padding zeros included). */
    private final short[] window = new short[WINDOW_SAMPLES];
    private int filled = PAD_SAMPLES;
    private boolean hasAudio;

    /** Samples that must have arrived for frame {@code frame} (0-based) to be complete: {@code 160 frame + 200}. */
    public static long samplesForFrame(long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("frame numbers start at 0, got " + frame);
        }
        return frame * HOP_SAMPLES + PAD_SAMPLES;
    }

    /** Frames complete after {@code samples} samples: 0 below 200, then {@code 1 + (samples - 200) / 160}. */
    public static long framesReady(long samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("a sample count is not negative, got " + samples);
        }
        return samples < PAD_SAMPLES ? 0 : 1 + (samples - PAD_SAMPLES) / HOP_SAMPLES;
    }

    /** {@link #push(short[], int, int)} of the whole array. */
    public byte[] push(short[] samples) {
        return push(samples, 0, samples.length);
    }

    /**
     * Appends {@code samples[offset .. offset + length)} to the clip.
     *
     * @return the 40 codes of every frame these samples completed, frame after frame (possibly none)
     * @throws IllegalArgumentException if the range lies outside the array
     */
    public byte[] push(short[] samples, int offset, int length) {
        if (offset < 0 || length < 0 || offset > samples.length - length) {
            throw new IllegalArgumentException("samples [" + offset + ", " + ((long) offset + length)
                    + ") are outside the " + samples.length + "-sample array");
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length; i++) {
            window[filled++] = samples[i];
            hasAudio = true;
            if (filled == WINDOW_SAMPLES) {
                emitFrame(frames);
                filled -= HOP_SAMPLES;
            }
        }
        return frames.toByteArray();
    }

    /**
     * Ends the clip: emits the frames whose windows reach past its last sample, then forgets the clip, so the next
     * push starts a new one.
     *
     * @return their codes, frame after frame; nothing when no sample arrived since the last finish
     */
    public byte[] finish() {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        // A frame exists while its center, window[200], is a sample of the clip or the first position after it
        // (compute's last frame may be centered there, on padding).
        while (hasAudio && filled >= PAD_SAMPLES) {
            Arrays.fill(window, filled, WINDOW_SAMPLES, (short) 0);
            emitFrame(frames);
            filled -= HOP_SAMPLES;
        }
        Arrays.fill(window, (short) 0);
        filled = PAD_SAMPLES;
        hasAudio = false;
        return frames.toByteArray();
    }

    /** Computes the frame of the whole window and moves the window on by one hop (the caller lowers filled). */
    private void emitFrame(ByteArrayOutputStream frames) {
        byte[] codes = new byte[MEL_BINS];
        frontend.computeFrame(window, codes, 0);
        frames.writeBytes(codes);
        System.arraycopy(window, HOP_SAMPLES, window, 0, WINDOW_SAMPLES - HOP_SAMPLES);
    }
}
