package dev.hark.pipeline.train;

import dev.hark.pipeline.report.StreamMaterial;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.PlainNumber;
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

/**
 * Fine-tuning a float model on keyword streams ({@link StreamFineTuner}): sequences of the training split's audio to
 * learn from, sequences of the dev split to choose the epoch on; the test split is left for the measurements. What
 * {@code hark stream-tune} and the stream loss of {@link StreamTrainingRecipe} both run.
 */
public final class StreamSequenceTuning {
    /** Keywords come more often in the training sequences than in the test streams, so that each holds some. */
    public static final double MIN_KEYWORD_GAP_SECONDS = 3;
    public static final double MAX_KEYWORD_GAP_SECONDS = 10;
    /** Dev sequences the epoch is chosen on. */
    public static final int DEV_SEQUENCES = 48;

    private StreamSequenceTuning() {
    }

    /**
     * @param start   the trained float model
     * @param options the fine-tuning's settings, its run directory included (checkpoints to continue from)
     * @throws IllegalArgumentException if the training or dev split lacks keyword clips or other audio
     */
    public static StreamFineTuner.Tuned tune(CrnnWeights start, BenchmarkData data, StreamTuningOptions options,
                                             PrintStream log) throws IOException {
        int attentionWindow = start.config().convSteps();
        StreamMaterial train = StreamMaterial.of(data, Split.TRAIN);
        StreamMaterial dev = StreamMaterial.of(data, Split.DEV);
        if (train.isEmpty() || train.keywordClips().isEmpty() || dev.isEmpty() || dev.keywordClips().isEmpty()) {
            throw new IllegalArgumentException("stream tuning: the training and dev splits need keyword clips and "
                    + "other clips or noise to build sequences from");
        }
        List<StreamSequence> devSequences = StreamSequences.draw(
                (seconds, seed) -> dev.stream(seconds, MIN_KEYWORD_GAP_SECONDS, MAX_KEYWORD_GAP_SECONDS, seed),
                DEV_SEQUENCES, options.seconds(), start.config(), MatchingRule.MLPERF_TINY,
                EpochSeeds.sampler(options.seed(), -1)); // a seed none of the training epochs draws with
        long[] devCounts = StreamSequences.labelCounts(devSequences);
        log.printf(Locale.ROOT, "[stream-tune] %d epochs of %d sequences of %s s, %s loss (training split: %d keyword "
                        + "clips, %d others, %d noise portions); dev: %d sequences, %d keyword steps, %d other, %d "
                        + "left out%n",
                options.epochs(), options.sequencesPerEpoch(), PlainNumber.of(options.seconds()),
                options.loss().optionName(), train.keywordClips().size(), train.negativeClips().size(),
                train.noise().size(), devSequences.size(), devCounts[1], devCounts[0], devCounts[2]);
        return StreamFineTuner.tune(start, FrontendConfig.FEATURE_QUANT,
                (count, seconds, config, seed) -> StreamSequences.draw(
                        (s, streamSeed) -> train.stream(s, MIN_KEYWORD_GAP_SECONDS, MAX_KEYWORD_GAP_SECONDS,
                                streamSeed), count, seconds, config, MatchingRule.MLPERF_TINY, seed),
                devSequences, attentionWindow, options);
    }
}
