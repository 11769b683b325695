package dev.hark.sim.listen;

import dev.hark.sim.detect.Detection;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.detect.Detector;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.StreamingFrontend;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.KeywordScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keyword spotter listening, in Java: PCM in, detections out, computing exactly what the firmware's
 * {@code hark_kws} computes for the same audio, however it is split into calls.
 *
 * <pre>
 * PCM -> StreamingFrontend (a frame every 10 ms) -> StreamingNetwork (a step every hop frames)
 *     -> keyword score (from the step's logits, KeywordScore) -> Detector -> KeywordEvent
 * </pre>
 *
 * An {@link Observer} sees every frame, every step's traced tensors and every detection as they happen. Not
 * thread-safe: one listener per stream.
 */
public final class KeywordListener {
    /** What a caller wants to see of the listening; every method does nothing unless overridden. */
    public interface Observer {
        /** A feature frame, 40 int8 codes. */
        default void frame(byte[] features) {
        }

        /** A network step's traced tensors (the output last: the class probabilities). */
        default void step(long step, Trace trace) {
        }

        /**
         * A step's keyword score and the detector's smoothed score after it (both 0 to 255), at the step's sample;
         * called after {@link #step} and before the step's {@link #detection}, if it makes one.
         */
        default void score(long step, long sample, int score, int smoothedScore) {
        }

        /** A detection. */
        default void detection(KeywordEvent event) {
        }
    }

    /**
     * Everything a listening produced, in order.
     *
     * @param frames     the feature frames
     * @param steps      each network step's traced tensors
     * @param scores     each step's keyword score
     * @param detections the detections
     */
    public record Heard(List<byte[]> frames, List<Trace> steps, List<Integer> scores, List<KeywordEvent> detections) {
    }

    /** Listens to {@code samples} from silence with a new listener and keeps every frame, step and detection. */
    public static Heard hear(KernelProgram program, DetectionSettings settings, short[] samples) {
        List<byte[]> frames = new ArrayList<>();
        List<Trace> steps = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        List<KeywordEvent> detections = new ArrayList<>();
        new KeywordListener(program, settings).push(samples, 0, samples.length, new Observer() {
            @Override
            public void frame(byte[] features) {
                frames.add(features);
            }

            @Override
            public void step(long step, Trace trace) {
                steps.add(trace);
            }

            @Override
            public void score(long step, long sample, int score, int smoothedScore) {
                scores.add(score);
            }

            @Override
            public void detection(KeywordEvent event) {
                detections.add(event);
            }
        });
        return new Heard(frames, steps, scores, detections);
    }

    private final StreamingNetwork network;
    private final KeywordScore keywordScore;
    private final Detector detector;
    private StreamingFrontend frontend = new StreamingFrontend();
    private long samples;
    private long frames;

    /**
     * @param program one step of a stream ({@code Lowering.lowerStreaming}) of a model of this front end
     * @throws IllegalArgumentException if the program does not stream, its frames are not the front end's or it
     *                                  ends in no classifier
     */
    public KeywordListener(KernelProgram program, DetectionSettings settings) {
        this.network = new StreamingNetwork(program);
        if (network.frameSize() != FrontendConfig.MEL_BINS) {
            throw new IllegalArgumentException("model " + program.info().name() + " takes frames of "
                    + network.frameSize() + " values, the front end makes " + FrontendConfig.MEL_BINS);
        }
        this.keywordScore = program.streaming().keywordScore();
        if (keywordScore == null) {
            throw new IllegalArgumentException("model " + program.info().name() + " cannot listen: it does not end "
                    + "in a dense layer of logits and their softmax");
        }
        this.detector = new Detector(settings);
    }

    /** Starts listening from silence again. */
    public void reset() {
        frontend = new StreamingFrontend();
        network.reset();
        detector.reset();
        samples = 0;
        frames = 0;
    }

    /** Samples received since the start or the last reset. */
    public long samples() {
        return samples;
    }

    /**
     * Listens to {@code pcm[offset .. offset + length)}.
     *
     * @throws IllegalArgumentException if the range lies outside the array
     */
    public void push(short[] pcm, int offset, int length, Observer observer) {
        byte[] made = frontend.push(pcm, offset, length);
        samples += length;
        int frameSize = FrontendConfig.MEL_BINS;
        for (int f = 0; f < made.length / frameSize; f++) {
            byte[] frame = Arrays.copyOfRange(made, f * frameSize, (f + 1) * frameSize);
            long frameIndex = frames++;
            observer.frame(frame);
            Optional<Trace> step = network.pushFrame(frame);
            if (step.isPresent()) {
                long stepIndex = network.steps() - 1;
                observer.step(stepIndex, step.get());
                int score = keywordScore.of(step.get().get(keywordScore.logits()));
                long at = StreamingFrontend.samplesForFrame(frameIndex);
                Optional<Detection> detection = detector.push(score);
                observer.score(stepIndex, at, score, detector.smoothedScore());
                detection.ifPresent(d -> observer.detection(new KeywordEvent(d.step(), at, d.score())));
            }
        }
    }
}
