package dev.hark.pipeline.train;

import dev.hark.sim.program.KeywordScore;
import dev.hark.trainer.augment.PartialKeywords;
import dev.hark.trainer.stream.StepLoss;
import dev.hark.trainer.stream.StreamTuningOptions;
import dev.hark.trainer.train.RunSettings;
import dev.hark.trainer.train.TrainingOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Training aimed at listening rather than at centred clips: more and harder negatives, all of them from the training
 * split. The network is trained on one-second clips but listens to streams step by step, where it meets pieces of
 * words, words cut at any place and its own confusions over hours of audio (docs/training.md, "Training for
 * streams").
 *
 * @param partialKeywords   partial-keyword negatives per keyword clip ({@link PartialKeywords}); 0 for none
 * @param miningRounds      rounds of hard-negative mining: after a training, the model listens to
 *                          {@code miningHours} of training-split streams without keywords, the second before each
 *                          detection is added as a negative, and the model is trained on for {@code roundEpochs}
 *                          with all the negatives mined so far; 0 for none
 * @param miningHours       hours of training-split streams each round listens to
 * @param miningThreshold   the detector's threshold while mining, 1 to 255 (mean of the default smoothing)
 * @param maxMinedPerRound  the most windows one round adds (the strongest detections first)
 * @param roundEpochs       epochs each mining round trains the previous round's model on, at
 *                          {@link #ROUND_LEARNING_RATE}
 * @param streamLoss        after the last round, the model is fine-tuned on keyword streams of the training split
 *                          with its state carried through each ({@link StreamSequenceTuning}) by these settings, their
 *                          loss over its step outputs ({@link StepLoss}) included, the seed and run directory being
 *                          the training's; null for no such fine-tuning
 * @param streamLossSequences what that fine-tuning's sequences are made of
 */
public record StreamTrainingRecipe(int partialKeywords, int miningRounds, double miningHours, int miningThreshold,
                                   int maxMinedPerRound, int roundEpochs, StreamTuningOptions streamLoss,
                                   StreamSequenceKind streamLossSequences) {
    public static final int DEFAULT_PARTIAL_KEYWORDS = 0;
    /**
     * One round: on the real-data benchmark's streams it took the int8 teacher from no threshold within 0.5 false
     * alarms an hour to 51.3% missed there, where a second and third round and partial keywords did not help
     * (docs/benchmark.md, "Measured: more mining rounds, and partial-keyword negatives").
     */
    public static final int DEFAULT_MINING_ROUNDS = 1;
    public static final double DEFAULT_MINING_HOURS = 2;
    /** Even odds: windows the network thinks more likely the keyword than not. */
    public static final int DEFAULT_MINING_THRESHOLD = KeywordScore.EVEN;
    /** About a third of the real-data training clips, so that mined windows cannot swamp the rest. */
    public static final int DEFAULT_MAX_MINED_PER_ROUND = 1000;
    /** The epochs of the measured round (docs/benchmark.md). */
    public static final int DEFAULT_ROUND_EPOCHS = 4;
    /**
     * The stream loss after the round, per-step cross-entropy: across 5 speaker folds and 2 seeds it took the int8
     * teacher from 61.5% to 39.5% missed at <= 0.5 false alarms an hour on the synthetic corpus (the max-pooling loss
     * 43.6%) and from 48.2% to 41.8% on the real data (docs/benchmark.md, "Measured: the stream loss,
     * cross-validated").
     */
    public static final StepLoss DEFAULT_STREAM_LOSS = StepLoss.CROSS_ENTROPY;
    /** About 3.4 hours of training-material streams in all: a fine-tuning of a trained model, not a training. */
    public static final int DEFAULT_STREAM_LOSS_EPOCHS = 3;
    /** The kind of audio the sound stream measurement listens to. */
    public static final StreamSequenceKind DEFAULT_STREAM_LOSS_SEQUENCES = StreamSequenceKind.VARIED;
    /**
     * A third of the first training's (3e-3): a round goes on from a trained model, which it should move towards the
     * new negatives without forgetting the clips.
     */
    public static final float ROUND_LEARNING_RATE = 1e-3f;

    /** The recipe {@code hark train} and {@code hark demo} train with unless told otherwise: the defaults above. */
    public static final StreamTrainingRecipe DEFAULT = new StreamTrainingRecipe(DEFAULT_PARTIAL_KEYWORDS,
            DEFAULT_MINING_ROUNDS, DEFAULT_MINING_HOURS, DEFAULT_MINING_THRESHOLD, DEFAULT_MAX_MINED_PER_ROUND,
            DEFAULT_ROUND_EPOCHS, streamLoss(DEFAULT_STREAM_LOSS, DEFAULT_STREAM_LOSS_EPOCHS),
            DEFAULT_STREAM_LOSS_SEQUENCES);

    /** What training does without any of it: the clips alone. */
    public static final StreamTrainingRecipe NONE = new StreamTrainingRecipe(0, 0, DEFAULT_MINING_HOURS,
            DEFAULT_MINING_THRESHOLD, DEFAULT_MAX_MINED_PER_ROUND, DEFAULT_ROUND_EPOCHS);

    /** @throws IllegalArgumentException naming the value out of range */
    public StreamTrainingRecipe {
        if (partialKeywords < 0) {
            throw new IllegalArgumentException("partial keywords per keyword clip must be at least 0, got "
                    + partialKeywords);
        }
        if (miningRounds < 0) {
            throw new IllegalArgumentException("mining rounds must be at least 0, got " + miningRounds);
        }
        if (!(miningHours > 0) || Double.isInfinite(miningHours)) {
            throw new IllegalArgumentException("mining hours must be positive, got " + miningHours);
        }
        if (miningThreshold < 1 || miningThreshold > 255) {
            throw new IllegalArgumentException("the mining threshold must be 1 to 255, got " + miningThreshold);
        }
        if (maxMinedPerRound < 1) {
            throw new IllegalArgumentException("mined windows per round must be at least 1, got " + maxMinedPerRound);
        }
        if (roundEpochs < 1) {
            throw new IllegalArgumentException("epochs per mining round must be at least 1, got " + roundEpochs);
        }
        Objects.requireNonNull(streamLossSequences, "streamLossSequences");
    }

    /** A recipe of negatives only, without the stream loss. */
    public StreamTrainingRecipe(int partialKeywords, int miningRounds, double miningHours, int miningThreshold,
                                int maxMinedPerRound, int roundEpochs) {
        this(partialKeywords, miningRounds, miningHours, miningThreshold, maxMinedPerRound, roundEpochs, null,
                StreamSequenceKind.CLIPS);
    }

    /**
     * The stream loss's fine-tuning as the command line offers it: {@link StreamTuningOptions#defaults()} with
     * {@code loss} for {@code epochs}.
     */
    public static StreamTuningOptions streamLoss(StepLoss loss, int epochs) {
        return StreamTuningOptions.defaults().withLoss(loss).withEpochs(epochs);
    }

    /**
     * The training of a mining round: {@link #roundEpochs} from the previous round's model at
     * {@link #ROUND_LEARNING_RATE}, seed {@code seed}, checkpointed in {@code runDirectory}.
     */
    public TrainingOptions roundOptions(long seed, Path runDirectory, PrintStream log) {
        return TrainingOptions.builder().optEpochs(roundEpochs).optSeed(seed).optLearningRate(ROUND_LEARNING_RATE)
                .optRunDirectory(runDirectory).optProgress(log).build();
    }

    /** This recipe with the stream loss {@code options} (null for none) on sequences of the clips as recorded. */
    public StreamTrainingRecipe withStreamLoss(StreamTuningOptions options) {
        return withStreamLoss(options, StreamSequenceKind.CLIPS);
    }

    /** This recipe with the stream loss {@code options} (null for none) on sequences of {@code sequences}. */
    public StreamTrainingRecipe withStreamLoss(StreamTuningOptions options, StreamSequenceKind sequences) {
        return new StreamTrainingRecipe(partialKeywords, miningRounds, miningHours, miningThreshold, maxMinedPerRound,
                roundEpochs, options, sequences);
    }

    /** True when training is on the clips alone, as before this recipe existed. */
    public boolean isNone() {
        return partialKeywords == 0 && miningRounds == 0 && streamLoss == null;
    }

    /**
     * The fine-tuning the stream loss runs after the last round of a training of seed {@code seed} (its sequences'
     * draws), its run directory not yet set.
     *
     * @throws IllegalStateException when the recipe has no stream loss
     */
    public StreamTuningOptions streamLossOptions(long seed) {
        if (streamLoss == null) {
            throw new IllegalStateException("the recipe has no stream loss");
        }
        return streamLoss.withSeed(seed).withRunDirectory(null).withProgress(null);
    }

    /**
     * What decides the stream loss's model beyond the model it starts from, for {@link TrainingFingerprint}: every
     * setting of its fine-tuning.
     *
     * @throws IllegalStateException when the recipe has no stream loss
     */
    public String streamLossFingerprint(long seed) {
        return "stream-loss=" + RunSettings.options(streamLossOptions(seed)) + sequencesNamed();
    }

    /**
     * The stream loss's settings but the seed, which is the training's: for the settings of a cross-validation, whose
     * seeds are its folders'.
     *
     * @throws IllegalStateException when the recipe has no stream loss
     */
    public String streamLossSettings() {
        Map<String, String> settings = new LinkedHashMap<>(RunSettings.options(streamLossOptions(0)));
        settings.keySet().removeIf(key -> key.equals("seed") || key.endsWith(".seed"));
        return settings + sequencesNamed();
    }

    /** The clips' sequences are not named, so that models tuned before there was a choice keep their fingerprint. */
    private String sequencesNamed() {
        return streamLossSequences == StreamSequenceKind.CLIPS ? "" : " sequences=" + streamLossSequences.optionName();
    }

    /**
     * What of the recipe decides the weights of round {@code round} ({@code 0}: the training before any mining), for
     * {@link TrainingFingerprint} and the mined windows' list. It never names the number of rounds: round {@code r} is
     * the same model however many rounds follow it, so that a run asked for more rounds continues from the rounds a
     * finished run saved; round 0 does not name the mining settings, which it does not use. Nor does it name the stream
     * loss, which comes after the last round. Empty when the recipe adds no negatives, so that models trained before
     * the recipe existed keep their fingerprint; so is round 0 of a recipe without partial keywords, which is that very
     * training (the clips alone), so that a workspace trained without mining goes on to mine from its model.
     *
     * @throws IllegalArgumentException if {@code round} is not a round of this recipe
     */
    public String fingerprint(int round) {
        if (round < 0 || round > miningRounds) {
            throw new IllegalArgumentException("round " + round + " of a recipe of " + miningRounds
                    + " mining round(s)");
        }
        if (partialKeywords == 0 && round == 0) {
            return "";
        }
        String mining = round == 0 ? "" : String.format(Locale.ROOT,
                " mining=%s h at %d, at most %d, %d epochs at %s", Double.toString(miningHours), miningThreshold,
                maxMinedPerRound, roundEpochs, Float.toString(ROUND_LEARNING_RATE));
        return "partial-keywords=" + partialKeywords + mining + " round=" + round;
    }
}
