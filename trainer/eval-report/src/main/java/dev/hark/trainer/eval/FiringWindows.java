package dev.hark.trainer.eval;

import dev.hark.sim.detect.Detection;
import dev.hark.sim.frontend.StreamingFrontend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hard negatives: where a network fires on a stream that holds no keyword, the second of audio it had just heard.
 * The network listens as on a device (state carried, {@link Listener}) with a detector at a threshold; each detection
 * is a false alarm (the stream holds no keyword), and the one second of stream audio that ends where the detection's
 * step ran is cut out. Trained on as negatives, those are the clips the network confuses with the keyword when it
 * listens, which the training clips, centred words heard from a fresh state, do not show it.
 */
public final class FiringWindows {
    /** Samples in a window: one second, the length of a training clip. */
    public static final int WINDOW_SAMPLES = 16000;

    /**
     * One window.
     *
     * @param stream    which stream it was cut from
     * @param endSample where it ends in the stream (exclusive): the sample at which the detection's step ran
     * @param score     the detector's smoothed score (0 to 255)
     * @param samples   the window's audio, {@link #WINDOW_SAMPLES} long (zeros before the stream's start)
     */
    public record Window(int stream, long endSample, int score, short[] samples) {
    }

    private FiringWindows() {
    }

    /**
     * The windows of every detection on {@code stream}.
     *
     * @param model        a network (reset first)
     * @param stream       a stream without keywords
     * @param streamNumber the stream's number, recorded in each window
     * @param timing       the detector's smoothing and refractory period (the refractory period keeps one window per
     *                     event)
     * @param threshold    the detector's threshold, 0 to 255
     * @throws IllegalArgumentException if the stream holds a keyword
     */
    public static List<Window> of(StreamingModel model, VariedStream stream, int streamNumber, DetectorTiming timing,
                                  int threshold) {
        if (!stream.keywords().isEmpty()) {
            throw new IllegalArgumentException("firing windows: stream " + streamNumber + " holds "
                    + stream.keywords().size() + " keywords; mine on streams of negatives only");
        }
        short[] samples = stream.samples();
        Listening listening = Listener.listen(model, StreamFeatures.of(samples), StatePolicy.DEFAULT,
                timing.settings(model.hopFrames(), threshold));
        List<Window> out = new ArrayList<>();
        for (Detection d : listening.detections()) {
            long end = Math.min(samples.length,
                    StreamingFrontend.samplesForFrame(listening.stepEndFrames()[(int) d.step()]));
            short[] window = new short[WINDOW_SAMPLES];
            long from = end - WINDOW_SAMPLES;
            int skip = (int) Math.max(0, -from);
            System.arraycopy(samples, (int) Math.max(0, from), window, skip, WINDOW_SAMPLES - skip);
            out.add(new Window(streamNumber, end, d.score(), window));
        }
        return out;
    }

    /**
     * The {@code max} windows with the highest scores (the earlier stream and place first among equals), in that
     * order: the network's worst confusions when it fires more often than there is room for.
     */
    public static List<Window> strongest(List<Window> windows, int max) {
        return windows.stream()
                .sorted(Comparator.comparingInt(Window::score).reversed().thenComparingInt(Window::stream)
                        .thenComparingLong(Window::endSample))
                .limit(max).toList();
    }
}
