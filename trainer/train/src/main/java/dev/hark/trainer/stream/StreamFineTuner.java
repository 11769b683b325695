package dev.hark.trainer.stream;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnBlockWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.DjlRuntime;
import dev.hark.trainer.model.EngineArrays;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.train.BestEpochKeeper;
import dev.hark.trainer.train.Checkpoint;
import dev.hark.trainer.train.CheckpointException;
import dev.hark.trainer.train.CheckpointParameters;
import dev.hark.trainer.train.EpochSeeds;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.Metrics;
import dev.hark.trainer.train.ResumableAdam;
import dev.hark.trainer.train.RunDirectory;
import dev.hark.trainer.train.RunSettings;
import dev.hark.trainer.train.TrainingResult;
import dev.hark.trainer.train.WeightedSoftmaxCrossEntropyLoss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fine-tunes a trained CRNN for listening: the network hears long sequences (keyword streams cut to a fixed length)
 * with its state carried through each, computing every step as the streaming network does
 * ({@link StreamingCrnnBlock}), and learns each step's answer ({@link StepTargets}) by the loss the options name
 * ({@link StepLoss}: class-balanced cross-entropy over the labelled steps, or max pooling over them).
 * Backpropagation through time is truncated every {@link StreamTuningOptions#chunkSteps()}
 * steps: the state goes on, its gradient stops. Adam ({@link ResumableAdam}) at a fixed learning rate.
 *
 * <p>Each epoch draws fresh training sequences from {@code (seed, epoch)} ({@link EpochSeeds}), so an epoch replayed
 * after a crash sees what it saw the first time; with a run directory a checkpoint follows every epoch and a later
 * call continues from the newest. After each epoch the dev sequences are scored step by step (loss, accuracy and
 * au_fa_fr of the labelled steps); the epoch best by {@link EpochStats#betterThan} is kept.
 */
public final class StreamFineTuner {
    /** Progress lines during an epoch at most this often. */
    private static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
    /** Added to a log-probability that a max or a min over steps must not pick: far beyond any log-probability. */
    private static final float MASKED = 1e9f;

    /**
     * @param weights the fine-tuned network
     * @param result  every epoch's numbers and the kept epoch
     */
    public record Tuned(CrnnWeights weights, TrainingResult result) {
    }

    private StreamFineTuner() {
    }

    /**
     * @param start      the trained network to start from
     * @param inputQuant how the int8 features map to the network's input
     * @param train      draws the training sequences of an epoch from the seed given
     * @param dev        fixed sequences for choosing the epoch, of both classes
     * @param attentionWindow steps the attention pools over while listening
     * @throws IllegalArgumentException if the dev sequences lack a class
     * @throws UncheckedIOException     wrapping a {@link CheckpointException} for a damaged or foreign checkpoint,
     *                                  or on I/O errors writing one
     */
    public static Tuned tune(CrnnWeights start, TensorQuant inputQuant, SequenceDraw train, List<StreamSequence> dev,
                             int attentionWindow, StreamTuningOptions options) {
        CrnnConfig config = start.config();
        long[] devCounts = StreamSequences.labelCounts(dev);
        if (devCounts[StepTargets.OTHER] == 0 || devCounts[StepTargets.KEYWORD] == 0) {
            throw new IllegalArgumentException("stream tuning: the dev sequences need steps of both classes, got "
                    + devCounts[StepTargets.OTHER] + " other and " + devCounts[StepTargets.KEYWORD] + " keyword");
        }
        if (options.loss() == StepLoss.MAX_POOL && config.classes() != 2) {
            throw new IllegalArgumentException("stream tuning: the max-pooling loss needs a network of 2 classes, got "
                    + config.classes());
        }
        DjlRuntime.engine();
        StreamingCrnnBlock block = new StreamingCrnnBlock(config, attentionWindow);
        try (Model model = Model.newInstance("crnn-stream", Device.cpu(), DjlRuntime.ENGINE)) {
            model.setBlock(block);
            Shape[] shapes = shapes(block, options.batchSize(), options.chunkSteps());
            block.initialize(model.getNDManager(), DataType.FLOAT32, shapes);
            ResumableAdam optimizer = new ResumableAdam(block, Tracker.fixed(options.learningRate()));
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(shapes);
                CrnnBlockWeights.write(block.crnn(), start); // whatever initialize did, tuning starts from these
                Map<String, String> settings = settings(config, inputQuant, dev, attentionWindow, options);
                RunDirectory run = options.runDirectory() == null ? null : new RunDirectory(options.runDirectory());
                List<EpochStats> history = new ArrayList<>();
                Kept best = new Kept();
                int firstEpoch = run == null ? 0 : resume(run, settings, block, optimizer, history, best, options);
                if (firstEpoch == 0) {
                    EpochStats before = evaluate(trainer, block, dev, inputQuant, options, 0, Double.NaN, 0);
                    report(options, before, false, "start");
                }
                for (int epoch = firstEpoch; epoch < options.epochs(); epoch++) {
                    long began = System.nanoTime();
                    List<StreamSequence> sequences = train.draw(options.sequencesPerEpoch(), options.seconds(),
                            config, EpochSeeds.sampler(options.seed(), epoch));
                    double loss = trainEpoch(trainer, block, sequences, inputQuant, options, epoch);
                    EpochStats stats = evaluate(trainer, block, dev, inputQuant, options, epoch + 1, loss, began);
                    history.add(stats);
                    boolean better = best.stats == null || stats.betterThan(best.stats);
                    if (better) {
                        best.stats = stats;
                        best.parameters = BestEpochKeeper.snapshot(block);
                    }
                    report(options, stats, better, "epoch " + (epoch + 1) + "/" + options.epochs());
                    if (run != null) {
                        run.write(new Checkpoint(settings, epoch + 1, EpochSeeds.sampler(options.seed(), epoch + 1),
                                BestEpochKeeper.snapshot(block), optimizer.state(), history, best.stats.epoch(),
                                best.parameters));
                    }
                }
                CheckpointParameters.set(block, best.parameters);
                CrnnWeights tuned = CrnnBlockWeights.read(block.crnn(), config);
                return new Tuned(tuned, new TrainingResult(history, best.stats.epoch()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Draws an epoch's training sequences. */
    @FunctionalInterface
    public interface SequenceDraw {
        List<StreamSequence> draw(int count, double seconds, CrnnConfig config, long seed);
    }

    /** The best epoch so far and its parameters. */
    private static final class Kept {
        EpochStats stats;
        Map<String, float[]> parameters;
    }

    private static Shape[] shapes(StreamingCrnnBlock block, long batch, int steps) {
        CrnnConfig c = block.config();
        return new Shape[] {new Shape(batch, block.framesFor(steps), c.mels()),
                new Shape(c.gruLayers(), batch, c.gruHidden()), new Shape(batch, block.carriedSteps(), c.gruHidden())};
    }

    /** One pass over the sequences, batch by batch, chunk by chunk; returns the mean of the chunks' losses. */
    private static double trainEpoch(Trainer trainer, StreamingCrnnBlock block, List<StreamSequence> sequences,
                                     TensorQuant inputQuant, StreamTuningOptions options, int epoch) {
        long[] counts = StreamSequences.labelCounts(sequences);
        float[] classWeights = WeightedSoftmaxCrossEntropyLoss.balancedWeights(
                new long[] {counts[StepTargets.OTHER], counts[StepTargets.KEYWORD]});
        double lossSum = 0;
        int updates = 0;
        long lastLine = System.nanoTime();
        int batches = (sequences.size() + options.batchSize() - 1) / options.batchSize();
        for (int b = 0; b < batches; b++) {
            List<StreamSequence> batch = sequences.subList(b * options.batchSize(),
                    Math.min(sequences.size(), (b + 1) * options.batchSize()));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray frames = frames(manager, block, batch, inputQuant);
                NDList state = block.startState(manager, batch.size());
                int steps = batch.get(0).steps();
                for (int from = 0; from < steps; from += options.chunkSteps()) {
                    int to = Math.min(steps, from + options.chunkSteps());
                    float[] weights = stepWeights(batch, from, to, classWeights);
                    try (NDManager chunk = manager.newSubManager()) {
                        NDArray input = chunk(frames, block, from, to);
                        NDList next;
                        boolean learned = false;
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList out = trainer.forward(new NDList(input, state.get(0), state.get(1)));
                            NDArray loss = options.loss() == StepLoss.MAX_POOL
                                    ? maxPoolLoss(out.get(0), batch, from, to, chunk)
                                    : weightedLoss(out.get(0), batch, from, to, weights, chunk);
                            if (loss != null) {
                                collector.backward(loss);
                                lossSum += loss.getFloat();
                                updates++;
                                learned = true;
                            }
                            next = new NDList(out.get(1).stopGradient(), out.get(2).stopGradient());
                        }
                        if (learned) {
                            trainer.step();
                        }
                        next.attach(manager);
                        state = next;
                    }
                }
            }
            if (options.progress() != null && System.nanoTime() - lastLine > LINE_INTERVAL_NANOS) {
                lastLine = System.nanoTime();
                options.progress().printf(Locale.ROOT, "[stream-tune] epoch %d/%d: batch %d/%d, train loss %.5f%n",
                        epoch + 1, options.epochs(), b + 1, batches, lossSum / Math.max(1, updates));
            }
        }
        return lossSum / Math.max(1, updates);
    }

    /**
     * Scores the dev sequences step by step, each in one stretch from a zero state: for the cross-entropy loss, every
     * labelled step is one case; for the max-pooling loss, each keyword window is one case (its most confident step)
     * and every step labelled "not the keyword" another, as a detector sees them.
     */
    private static EpochStats evaluate(Trainer trainer, StreamingCrnnBlock block, List<StreamSequence> dev,
                                       TensorQuant inputQuant, StreamTuningOptions options, int epoch,
                                       double trainLoss, long began) {
        int classes = block.config().classes();
        List<float[]> logProbabilities = new ArrayList<>(); // per sequence [steps][classes]
        for (int b = 0; b < dev.size(); b += options.batchSize()) {
            List<StreamSequence> batch = dev.subList(b, Math.min(dev.size(), b + options.batchSize()));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray frames = frames(manager, block, batch, inputQuant);
                NDList state = block.startState(manager, batch.size());
                NDArray logits = trainer.evaluate(new NDList(frames, state.get(0), state.get(1))).get(0);
                int steps = batch.get(0).steps();
                float[] all = logits.logSoftmax(2).toFloatArray(); // [B][steps][classes]
                for (int i = 0; i < batch.size(); i++) {
                    logProbabilities.add(Arrays.copyOfRange(all, i * steps * classes, (i + 1) * steps * classes));
                }
            }
        }
        double seconds = began == 0 ? 0 : (System.nanoTime() - began) / 1e9;
        return options.loss() == StepLoss.MAX_POOL
                ? maxPoolStats(dev, logProbabilities, classes, epoch, trainLoss, seconds)
                : stepStats(dev, logProbabilities, classes, epoch, trainLoss, seconds);
    }

    /** Class-balanced cross-entropy, accuracy and au_fa_fr over every labelled step. */
    private static EpochStats stepStats(List<StreamSequence> dev, List<float[]> logProbabilities, int classes,
                                        int epoch, double trainLoss, double seconds) {
        long[] counts = StreamSequences.labelCounts(dev);
        float[] classWeights = WeightedSoftmaxCrossEntropyLoss.balancedWeights(
                new long[] {counts[StepTargets.OTHER], counts[StepTargets.KEYWORD]});
        int labelled = Math.toIntExact(counts[StepTargets.OTHER] + counts[StepTargets.KEYWORD]);
        float[] keywordProbability = new float[labelled];
        boolean[] isKeyword = new boolean[labelled];
        double weightedLoss = 0;
        double weightSum = 0;
        int n = 0;
        for (int i = 0; i < dev.size(); i++) {
            int[] labels = dev.get(i).labels();
            float[] lp = logProbabilities.get(i);
            for (int s = 0; s < labels.length; s++) {
                if (labels[s] == StepTargets.IGNORED) {
                    continue;
                }
                int at = s * classes;
                weightedLoss -= classWeights[labels[s]] * lp[at + labels[s]];
                weightSum += classWeights[labels[s]];
                keywordProbability[n] = (float) Math.exp(lp[at + StepTargets.KEYWORD]);
                isKeyword[n] = labels[s] == StepTargets.KEYWORD;
                n++;
            }
        }
        return new EpochStats(epoch, trainLoss, weightedLoss / weightSum,
                Metrics.accuracy(keywordProbability, isKeyword), Metrics.auFaFr(keywordProbability, isKeyword),
                seconds);
    }

    /**
     * The max-pooling loss over whole sequences (each keyword window's best step; each sequence's worst step of
     * "not the keyword"), and accuracy and au_fa_fr with one case per keyword window (its best step) and one per step
     * of "not the keyword".
     */
    private static EpochStats maxPoolStats(List<StreamSequence> dev, List<float[]> logProbabilities, int classes,
                                           int epoch, double trainLoss, double seconds) {
        List<Float> keywordScores = new ArrayList<>();
        List<Float> otherScores = new ArrayList<>();
        double keywordLoss = 0;
        double otherLoss = 0;
        int sequencesWithOthers = 0;
        for (int i = 0; i < dev.size(); i++) {
            int[] labels = dev.get(i).labels();
            float[] lp = logProbabilities.get(i);
            for (int[] w : keywordWindows(labels, 0, labels.length)) {
                double best = Double.NEGATIVE_INFINITY;
                for (int s = w[0]; s < w[1]; s++) {
                    best = Math.max(best, lp[s * classes + StepTargets.KEYWORD]);
                }
                keywordLoss -= best;
                keywordScores.add((float) Math.exp(best));
            }
            double worst = Double.POSITIVE_INFINITY;
            for (int s = 0; s < labels.length; s++) {
                if (labels[s] == StepTargets.OTHER) {
                    worst = Math.min(worst, lp[s * classes + StepTargets.OTHER]);
                    otherScores.add((float) Math.exp(lp[s * classes + StepTargets.KEYWORD]));
                }
            }
            if (worst != Double.POSITIVE_INFINITY) {
                otherLoss -= worst;
                sequencesWithOthers++;
            }
        }
        float[] keywordProbability = new float[keywordScores.size() + otherScores.size()];
        boolean[] isKeyword = new boolean[keywordProbability.length];
        for (int k = 0; k < keywordScores.size(); k++) {
            keywordProbability[k] = keywordScores.get(k);
            isKeyword[k] = true;
        }
        for (int k = 0; k < otherScores.size(); k++) {
            keywordProbability[keywordScores.size() + k] = otherScores.get(k);
        }
        double loss = keywordLoss / keywordScores.size() + otherLoss / sequencesWithOthers;
        return new EpochStats(epoch, trainLoss, loss, Metrics.accuracy(keywordProbability, isKeyword),
                Metrics.auFaFr(keywordProbability, isKeyword), seconds);
    }

    /**
     * The runs of {@link StepTargets#KEYWORD} steps within {@code [from, to)}, each as {@code {first, end}} (end
     * exclusive); a run that goes on past {@code from} or {@code to} is cut there.
     */
    static List<int[]> keywordWindows(int[] labels, int from, int to) {
        List<int[]> windows = new ArrayList<>();
        int s = from;
        while (s < to) {
            if (labels[s] != StepTargets.KEYWORD) {
                s++;
                continue;
            }
            int first = s;
            while (s < to && labels[s] == StepTargets.KEYWORD) {
                s++;
            }
            windows.add(new int[] {first, s});
        }
        return windows;
    }

    /** The batch's frames, dequantized, {@code [batch][frames][mels]}; sequences of one batch are equally long. */
    private static NDArray frames(NDManager manager, StreamingCrnnBlock block, List<StreamSequence> batch,
                                  TensorQuant inputQuant) {
        int steps = batch.get(0).steps();
        int frames = block.framesFor(steps);
        int mels = block.config().mels();
        float[] x = new float[batch.size() * frames * mels];
        for (int i = 0; i < batch.size(); i++) {
            StreamSequence s = batch.get(i);
            if (s.steps() != steps || s.features().length != frames * mels) {
                throw new IllegalArgumentException("stream tuning: sequences of one batch must be equally long, got "
                        + s.steps() + " and " + steps + " steps");
            }
            InputFeatures.dequantizeInto(s.features(), inputQuant, x, i * frames * mels);
        }
        return manager.create(x, new Shape(batch.size(), frames, mels));
    }

    /** The frames steps {@code [from, to)} read. */
    private static NDArray chunk(NDArray frames, StreamingCrnnBlock block, int from, int to) {
        int stride = block.config().strideTime();
        return frames.get(new NDIndex(":, {}:{}, :", from * stride, (to - 1) * stride + block.config().kernelTime()));
    }

    /** Each step's weight in the loss, {@code [batch][to - from]}: its class's weight, 0 when ignored. */
    private static float[] stepWeights(List<StreamSequence> batch, int from, int to, float[] classWeights) {
        float[] w = new float[batch.size() * (to - from)];
        for (int i = 0; i < batch.size(); i++) {
            int[] labels = batch.get(i).labels();
            for (int s = from; s < to; s++) {
                w[i * (to - from) + s - from] = labels[s] == StepTargets.IGNORED ? 0 : classWeights[labels[s]];
            }
        }
        return w;
    }

    /**
     * {@code sum w * -log softmax(logits)[label] / sum w} over the chunk's steps (PyTorch's weighted
     * cross-entropy), or null when no step of the chunk is labelled.
     */
    private static NDArray weightedLoss(NDArray logits, List<StreamSequence> batch, int from, int to, float[] weights,
                                        NDManager manager) {
        double total = 0;
        for (float w : weights) {
            total += w;
        }
        if (total == 0) {
            return null;
        }
        float[] labels = new float[weights.length];
        for (int i = 0; i < batch.size(); i++) {
            int[] l = batch.get(i).labels();
            for (int s = from; s < to; s++) {
                labels[i * (to - from) + s - from] = Math.max(0, l[s]);
            }
        }
        int classes = Math.toIntExact(logits.getShape().getLastDimension());
        NDArray flat = logits.reshape(-1, classes);
        NDArray oneHot = manager.create(labels).toType(DataType.INT64, false).oneHot(classes)
                .toType(DataType.FLOAT32, false);
        NDArray nll = flat.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        // The divisor as an engine array: autograd keeps it for the backward pass (EngineArrays#scalar).
        return nll.mul(manager.create(weights)).sum().div(EngineArrays.scalar(manager, (float) total));
    }

    /**
     * The max-pooling loss ({@link StepLoss#MAX_POOL}) over steps {@code [from, to)} of a batch: the mean over the
     * keyword windows in the stretch of {@code -log max p(keyword)}, plus the mean over the sequences with steps of
     * "not the keyword" in it of {@code -log min p(not the keyword)} over those steps; null when the stretch has
     * neither. A window cut by the stretch's bounds counts as one window in each stretch it reaches into.
     */
    static NDArray maxPoolLoss(NDArray logits, List<StreamSequence> batch, int from, int to, NDManager manager) {
        int steps = to - from;
        int n = batch.size();
        List<float[]> windowMasks = new ArrayList<>();
        float[] otherMask = new float[n * steps];
        float[] hasOther = new float[n];
        int sequencesWithOthers = 0;
        for (int i = 0; i < n; i++) {
            int[] labels = batch.get(i).labels();
            for (int[] w : keywordWindows(labels, from, to)) {
                float[] mask = new float[n * steps];
                Arrays.fill(mask, -MASKED);
                for (int s = w[0]; s < w[1]; s++) {
                    mask[i * steps + s - from] = 0;
                }
                windowMasks.add(mask);
            }
            for (int s = from; s < to; s++) {
                boolean other = labels[s] == StepTargets.OTHER;
                otherMask[i * steps + s - from] = other ? 0 : MASKED;
                if (other && hasOther[i] == 0) {
                    hasOther[i] = 1;
                    sequencesWithOthers++;
                }
            }
        }
        if (windowMasks.isEmpty() && sequencesWithOthers == 0) {
            return null;
        }
        NDArray logProbabilities = logits.logSoftmax(2);
        NDArray loss = null;
        if (!windowMasks.isEmpty()) {
            float[] masks = new float[windowMasks.size() * n * steps];
            for (int w = 0; w < windowMasks.size(); w++) {
                System.arraycopy(windowMasks.get(w), 0, masks, w * n * steps, n * steps);
            }
            NDArray keyword = logProbabilities.get(new NDIndex(":, :, {}", StepTargets.KEYWORD)).reshape(1, n * steps);
            NDArray best = keyword.add(manager.create(masks, new Shape(windowMasks.size(), n * steps)))
                    .max(new int[] {1});
            loss = best.neg().mean();
        }
        if (sequencesWithOthers > 0) {
            NDArray other = logProbabilities.get(new NDIndex(":, :, {}", StepTargets.OTHER));
            NDArray worst = other.add(manager.create(otherMask, new Shape(n, steps))).min(new int[] {1});
            NDArray otherLoss = worst.neg().mul(manager.create(hasOther)).sum()
                    .div(EngineArrays.scalar(manager, sequencesWithOthers)); // see weightedLoss
            loss = loss == null ? otherLoss : loss.add(otherLoss);
        }
        return loss;
    }

    private static Map<String, String> settings(CrnnConfig config, TensorQuant inputQuant, List<StreamSequence> dev,
                                                int attentionWindow, StreamTuningOptions options) {
        Map<String, String> s = RunSettings.model(config, inputQuant);
        s.put("stream.attentionWindow", Integer.toString(attentionWindow));
        s.putAll(RunSettings.options(options));
        s.put("targets", StepTargets.KEYWORD_FROM_END_SECONDS + ".." + StepTargets.KEYWORD_AFTER_END_SECONDS);
        s.put("dev.sequences", Integer.toString(dev.size()));
        s.put("dev.labels", java.util.Arrays.toString(StreamSequences.labelCounts(dev)));
        return s;
    }

    /** Restores the newest checkpoint, if any, and returns the 0-based epoch to continue with. */
    private static int resume(RunDirectory run, Map<String, String> settings, StreamingCrnnBlock block,
                              ResumableAdam optimizer, List<EpochStats> history, Kept best,
                              StreamTuningOptions options) {
        int epochsDone = run.resume(settings, options.epochs(), (file, c) -> {
            CheckpointParameters.requireSameNames(file, block, c.parameters());
            CheckpointParameters.requireSameNames(file, block, c.bestParameters());
            CheckpointParameters.set(block, c.parameters());
            optimizer.restore(c.optimizer());
            history.addAll(c.history());
            best.stats = c.history().get(c.bestEpoch() - 1);
            best.parameters = c.bestParameters();
        });
        if (epochsDone > 0 && options.progress() != null) {
            options.progress().printf(Locale.ROOT, "[stream-tune] resuming after epoch %d from %s%n", epochsDone,
                    run.checkpoint(epochsDone));
        }
        return epochsDone;
    }

    private static void report(StreamTuningOptions options, EpochStats e, boolean best, String what) {
        if (options.progress() != null) {
            options.progress().printf(Locale.ROOT, "[stream-tune] %s: train loss %s, dev loss %.5f, dev step "
                            + "accuracy %.4f, au_fa_fr %.5f (%.0f s)%s%n", what,
                    Double.isNaN(e.trainLoss()) ? "-" : String.format(Locale.ROOT, "%.5f", e.trainLoss()),
                    e.devLoss(), e.devAccuracy(), e.devAuFaFr(), e.seconds(), best ? " *" : "");
        }
    }
}
