package dev.hark.trainer.stream;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.StreamingFrontend;
import dev.hark.trainer.eval.KeywordStream;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Cuts keyword streams into {@link StreamSequence}s of a fixed number of steps, labelled by {@link StepTargets}. */
public final class StreamSequences {
    /** Gives a keyword stream of at least {@code seconds}, the same for the same seed. */
    @FunctionalInterface
    public interface StreamSource {
        KeywordStream stream(double seconds, long seed);
    }

    private StreamSequences() {
    }

    /**
     * The steps a network of {@code config} runs on the first {@code seconds} of a stream.
     *
     * @throws IllegalArgumentException if that is not even one step
     */
    public static int stepsIn(double seconds, CrnnConfig config) {
        long frames = StreamingFrontend.framesReady(Math.round(seconds * FrontendConfig.SAMPLE_RATE_HZ));
        long steps = frames < config.kernelTime() ? 0 : (frames - config.kernelTime()) / config.strideTime() + 1;
        if (steps < 1) {
            throw new IllegalArgumentException("stream sequences: " + seconds + " s hold no step of the network");
        }
        return Math.toIntExact(steps);
    }

    /**
     * The first {@code steps} steps of {@code stream}: the frames they read and their labels.
     *
     * @throws IllegalArgumentException if the stream is shorter than that
     */
    public static StreamSequence of(KeywordStream stream, int steps, CrnnConfig config, MatchingRule rule) {
        int frames = (steps - 1) * config.strideTime() + config.kernelTime();
        byte[] all = StreamFeatures.of(stream.samples());
        if (all.length < (long) frames * config.mels()) {
            throw new IllegalArgumentException("stream sequences: a " + stream.seconds() + " s stream has fewer than "
                    + steps + " steps");
        }
        int[] labels = StepTargets.of(stream.keywords(), steps, config.kernelTime(), config.strideTime(), rule);
        return new StreamSequence(Arrays.copyOf(all, frames * config.mels()), labels);
    }

    /**
     * {@code count} sequences of {@code seconds} each, from streams drawn with seeds that follow from {@code seed}.
     */
    public static List<StreamSequence> draw(StreamSource source, int count, double seconds, CrnnConfig config,
                                            MatchingRule rule, long seed) {
        int steps = stepsIn(seconds, config);
        SplittableRandom seeds = new SplittableRandom(seed);
        List<StreamSequence> sequences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sequences.add(of(source.stream(seconds, seeds.nextLong()), steps, config, rule));
        }
        return sequences;
    }

    /** How many steps of the sequences carry each label: {@code [other, keyword, ignored]}. */
    public static long[] labelCounts(List<StreamSequence> sequences) {
        long[] counts = new long[3];
        for (StreamSequence s : sequences) {
            for (int label : s.labels()) {
                counts[label == StepTargets.IGNORED ? 2 : label]++;
            }
        }
        return counts;
    }
}
