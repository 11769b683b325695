package dev.hark.pipeline.train;

import dev.hark.pipeline.report.StreamMaterial;
import dev.hark.pipeline.soundstream.HeldOutMaterial;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.KeywordStream;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.eval.StreamSource;
import dev.hark.trainer.eval.VariedStream;
import dev.hark.trainer.eval.VariedStreamBuilder;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.stream.StreamFineTuner;
import dev.hark.trainer.stream.StreamSequence;
import dev.hark.trainer.stream.StreamSequences;
import dev.hark.trainer.stream.StreamTuningOptions;
import dev.hark.trainer.train.EpochSeeds;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fine-tuning a float model on keyword streams ({@link StreamFineTuner}): sequences of training material (the
 * training split, or a cross-validation fold's training speakers) to learn from, sequences of dev material (the dev
 * split, or the fold's dev speakers) to choose the epoch on; the test split (or fold) is left for the measurements.
 * What {@code hark stream-tune} and the stream loss of {@link StreamTrainingRecipe} both run.
 */
public final class StreamSequenceTuning {
    /** Keywords come more often in the training sequences than in the test streams, so that each holds some. */
    public static final double MIN_KEYWORD_GAP_SECONDS = 3;
    public static final double MAX_KEYWORD_GAP_SECONDS = 10;
    /** Dev sequences the epoch is chosen on. */
    public static final int DEV_SEQUENCES = 48;

    /**
     * Where the sequences come from.
     *
     * @param train    streams of the training material, one per seed
     * @param dev      streams of the dev material
     * @param describe what they are made of, for the log
     */
    public record Sources(StreamSequences.StreamSource train, StreamSequences.StreamSource dev, String describe) {
    }

    private StreamSequenceTuning() {
    }

    /**
     * Sequences of {@code kind} from the training and dev splits, or from the speakers given.
     *
     * @throws IllegalArgumentException if the training or dev material lacks keyword clips or other audio
     */
    public static Sources sources(BenchmarkData data, StreamSequenceKind kind, Optional<TrainingSpeakers> speakers)
            throws IOException {
        return switch (kind) {
            case CLIPS -> clips(data, speakers);
            case VARIED -> varied(data, speakers);
        };
    }

    private static Sources clips(BenchmarkData data, Optional<TrainingSpeakers> speakers) throws IOException {
        StreamMaterial train = speakers.isPresent()
                ? StreamMaterial.ofSpeakers(data, speakers.get().training(), Split.TRAIN)
                : StreamMaterial.of(data, Split.TRAIN);
        StreamMaterial dev = speakers.isPresent()
                ? StreamMaterial.ofSpeakers(data, speakers.get().dev(), Split.DEV)
                : StreamMaterial.of(data, Split.DEV);
        if (train.isEmpty() || train.keywordClips().isEmpty() || dev.isEmpty() || dev.keywordClips().isEmpty()) {
            throw new IllegalArgumentException("stream tuning: the training and dev material need keyword clips and "
                    + "other clips or noise to build sequences from");
        }
        return new Sources(
                (seconds, seed) -> train.stream(seconds, MIN_KEYWORD_GAP_SECONDS, MAX_KEYWORD_GAP_SECONDS, seed),
                (seconds, seed) -> dev.stream(seconds, MIN_KEYWORD_GAP_SECONDS, MAX_KEYWORD_GAP_SECONDS, seed),
                String.format(Locale.ROOT, "the clips as recorded (training material: %d keyword clips, %d others, "
                                + "%d noise portions)", train.keywordClips().size(), train.negativeClips().size(),
                        train.noise().size()));
    }

    private static Sources varied(BenchmarkData data, Optional<TrainingSpeakers> speakers) throws IOException {
        HeldOutMaterial train = speakers.isPresent()
                ? HeldOutMaterial.ofSpeakers(data, speakers.get().training(), Split.TRAIN, List.of())
                : HeldOutMaterial.of(data, Split.TRAIN, List.of());
        HeldOutMaterial dev = speakers.isPresent()
                ? HeldOutMaterial.ofSpeakers(data, speakers.get().dev(), Split.DEV, List.of())
                : HeldOutMaterial.of(data, Split.DEV, List.of());
        if (train.material().keywords().isEmpty() || dev.material().keywords().isEmpty()) {
            throw new IllegalArgumentException("stream tuning: the training and dev material need keyword clips to "
                    + "build sequences from");
        }
        return new Sources(varied(train), varied(dev), String.format(Locale.ROOT, "varied pieces as the sound stream "
                        + "measurement's (training material: %d keyword clips, %d others, %d background portions)",
                train.material().keywords().size(), train.material().words().size(),
                train.material().background().size()));
    }

    /** Stream 0 of a builder seeded with the sequence's seed: every sequence other pieces, varied otherwise. */
    private static StreamSequences.StreamSource varied(HeldOutMaterial material) {
        return (seconds, seed) -> {
            VariedStream stream = new VariedStreamBuilder(material.material(), material.noise(), seed,
                    MIN_KEYWORD_GAP_SECONDS, MAX_KEYWORD_GAP_SECONDS).build(0, seconds);
            long background = stream.pieces(StreamSource.BACKGROUND);
            long words = stream.stretches().stream().filter(s -> !s.keyword()).count() - background;
            return new KeywordStream(stream.samples(), stream.keywords(), Math.toIntExact(words),
                    Math.toIntExact(background), seed);
        };
    }

    /**
     * @param start   the trained float model
     * @param sources the sequences' material ({@link #sources})
     * @param options the fine-tuning's settings, its run directory included (checkpoints to continue from)
     */
    public static StreamFineTuner.Tuned tune(CrnnWeights start, Sources sources, StreamTuningOptions options,
                                             PrintStream log) throws IOException {
        List<StreamSequence> devSequences = StreamSequences.draw(sources.dev(), DEV_SEQUENCES, options.seconds(),
                start.config(), MatchingRule.MLPERF_TINY,
                EpochSeeds.sampler(options.seed(), -1)); // a seed none of the training epochs draws with
        long[] devCounts = StreamSequences.labelCounts(devSequences);
        log.printf(Locale.ROOT, "[stream-tune] %d epochs of %d sequences of %s s, %s loss, %s; dev: %d sequences, %d "
                        + "keyword steps, %d other, %d left out%n",
                options.epochs(), options.sequencesPerEpoch(), PlainNumber.of(options.seconds()),
                options.loss().optionName(), sources.describe(), devSequences.size(), devCounts[1], devCounts[0],
                devCounts[2]);
        return StreamFineTuner.tune(start, FrontendConfig.FEATURE_QUANT,
                (count, seconds, config, seed) -> StreamSequences.draw(sources.train(), count, seconds, config,
                        MatchingRule.MLPERF_TINY, seed),
                devSequences, start.config().convSteps(), options);
    }
}
