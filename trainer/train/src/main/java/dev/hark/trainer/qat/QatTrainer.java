package dev.hark.trainer.qat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.DjlRuntime;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.quant.Int8Evaluation;
import dev.hark.trainer.train.BestEpoch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Quantization-aware fine-tuning: Adam at a fixed low learning rate on the softmax cross-entropy of the
 * fake-quantized logits ({@link QatCrnnBlock}), a DJL {@link Trainer} driven by a plain batch loop. After every
 * epoch the weights are converted to int8 and scored on the dev clips by the bit-exact simulator; the best epoch
 * (lowest int8 au_fa_fr, then highest accuracy, epoch 0 = the post-training-quantized start included) is kept, so
 * QAT never hands back a model that is worse on dev than where it started.
 *
 * <p>Deterministic for a seed: the batch order comes from {@code java.util.Random(seed + epoch)} and PyTorch runs
 * single-threaded ({@link DjlRuntime}).
 */
public final class QatTrainer {
    private QatTrainer() {
    }

    /**
     * Fine-tunes {@code model} in place and leaves it holding the kept epoch's weights.
     *
     * @param train clips to train on (both classes)
     * @param dev   clips for choosing the epoch; must hold both classes
     * @param info  the model description written into the converted model
     * @throws IllegalArgumentException if a set is empty
     */
    public static QatResult fineTune(QatModel model, List<LabelledFeatures> train, List<LabelledFeatures> dev,
                                     ModelInfo info, Rounding rounding, QatOptions options) {
        if (train.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("QAT needs training and dev clips, got " + train.size() + " and "
                    + dev.size());
        }
        List<QatEpoch> history = new ArrayList<>();
        BestEpoch<QatEpoch, Kept> best = new BestEpoch<>(QatEpoch::betterThan);
        offer(new Kept(model.weights(), model.convert(info, rounding)), 0, Double.NaN, dev, history, best,
                options);

        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate())).build());
        CrnnWeights startWeights = model.weights();
        try (Trainer trainer = model.model().newTrainer(config)) {
            trainer.initialize(QatModel.inputShape(model.block().config(), options.batchSize()));
            model.block().load(startWeights); // whatever initialize did, training starts from the given weights
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                double loss = epoch(trainer, model, train, options, epoch);
                offer(new Kept(model.weights(), model.convert(info, rounding)), epoch, loss, dev, history, best,
                        options);
            }
        }
        CrnnWeights last = model.weights();
        model.block().load(best.kept().weights());
        return new QatResult(history, best.epoch().epoch(), best.kept().weights(), best.kept().model(), last);
    }

    /** An epoch's float weights and their int8 conversion. */
    private record Kept(CrnnWeights weights, QuantizedModel model) {
    }

    /** Scores an epoch's conversion on the dev clips, records and reports it, and offers it as the best. */
    private static void offer(Kept kept, int epoch, double loss, List<LabelledFeatures> dev, List<QatEpoch> history,
                              BestEpoch<QatEpoch, Kept> best, QatOptions options) {
        Int8Evaluation.Result r = Int8Evaluation.evaluate(kept.weights(), kept.model(), dev);
        QatEpoch stats = new QatEpoch(epoch, loss, r.int8Accuracy(), r.int8AuFaFr());
        history.add(stats);
        report(options, stats);
        best.offer(stats, () -> kept);
    }

    private static double epoch(Trainer trainer, QatModel model, List<LabelledFeatures> train, QatOptions options,
                                int epoch) {
        CrnnConfig config = model.block().config();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(options.seed() + epoch));
        int per = config.featuresPerClip();
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < order.size(); from += options.batchSize()) {
            int n = Math.min(options.batchSize(), order.size() - from);
            float[] x = new float[n * per];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                LabelledFeatures clip = train.get(order.get(from + i));
                InputFeatures.dequantizeInto(clip.features(), model.inputQuant(), x, i * per);
                y[i] = clip.label();
            }
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(x, QatModel.inputShape(config, n));
                NDArray labels = batch.create(y);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                    collector.backward(loss);
                    lossSum += loss.getFloat();
                }
                trainer.step();
            }
            batches++;
        }
        return lossSum / Math.max(1, batches);
    }

    private static void report(QatOptions options, QatEpoch e) {
        if (options.progress() != null) {
            options.progress().printf(Locale.ROOT, "[qat] epoch %d: train loss %s, dev int8 accuracy %.4f, "
                            + "au_fa_fr %.5f%n", e.epoch(), Double.isNaN(e.trainLoss()) ? "-"
                            : String.format(Locale.ROOT, "%.5f", e.trainLoss()), e.devInt8Accuracy(),
                    e.devInt8AuFaFr());
        }
    }
}
