package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.sim.frontend.StreamingFrontend;
import java.util.stream.IntStream;

/**
 * The feature frames a listening device computes from a stream: exactly what {@link StreamingFrontend#push} gives
 * for the whole stream (frames whose window is complete; a device never ends its stream), computed in parallel.
 * The front end's frames are independent (frame {@code f} reads the 400 samples centred on sample {@code 160 f},
 * zeros before the stream's start), so blocks of frames can be computed on separate threads.
 */
public final class StreamFeatures {
    private static final int MELS = FrontendConfig.MEL_BINS;
    private static final int FRAMES_PER_TASK = 1000;

    private StreamFeatures() {
    }

    /**
     * @return {@code StreamingFrontend.framesReady(samples.length) * 40} codes, {@code [frame][mel]}
     */
    public static byte[] of(short[] samples) {
        int frames = (int) StreamingFrontend.framesReady(samples.length);
        byte[] out = new byte[frames * MELS];
        int tasks = (frames + FRAMES_PER_TASK - 1) / FRAMES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            LogMelFrontend frontend = new LogMelFrontend();
            short[] edge = new short[FrontendConfig.WINDOW_SAMPLES];
            int end = Math.min(frames, (task + 1) * FRAMES_PER_TASK);
            for (int f = task * FRAMES_PER_TASK; f < end; f++) {
                int start = f * FrontendConfig.HOP_SAMPLES - FrontendConfig.PAD_SAMPLES;
                if (start >= 0) {
                    frontend.computeFrame(samples, start, out, f * MELS);
                } else {
                    // The first frames reach into the zero padding before the stream.
                    System.arraycopy(samples, 0, edge, -start, FrontendConfig.WINDOW_SAMPLES + start);
                    frontend.computeFrame(edge, 0, out, f * MELS);
                }
            }
        });
        return out;
    }
}
