package dev.hark.trainer.train;

import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.DivergenceCheckTrainingListener;
import ai.djl.training.listener.EpochTrainingListener;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.model.CrnnBlock;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import dev.hark.trainer.model.DjlRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a CRNN with DJL's own machinery: {@link ExampleDataset}s, a {@link DefaultTrainingConfig} (softmax
 * cross-entropy, optionally class-weighted; Adam, by default with a cosine-decayed learning rate; accuracy and
 * au_fa_fr evaluators),
 * a {@link Trainer}, {@link EasyTrain#fit} and listeners ({@link BestEpochKeeper}, {@link ProgressPrinter}
 * next to DJL's epoch, evaluator and divergence listeners).
 *
 * <p>Deterministic for a given seed on the same machine: the engine RNG is seeded, shuffling uses a
 * {@link SeededShuffleSampler}, nothing else is random (no dropout), and PyTorch runs single-threaded
 * ({@link DjlRuntime}), so reductions always add in the same order. The model must already hold
 * initialized parameters ({@link CrnnModels#newModel}); training continues from them, so a loaded model can be
 * fine-tuned too.
 */
public final class CrnnTrainer {
    private CrnnTrainer() {
    }

    /**
     * Creates a model for {@code config} and trains it. Unless {@code config} already standardizes its input,
     * the standardization is measured on {@code train} first ({@link InputStatistics}); with it the default
     * learning rate of {@link TrainingOptions} is safe. Parameters are initialized from {@code options.seed()}.
     *
     * @throws IllegalArgumentException if a set is empty or a clip does not fit the model
     * @throws ai.djl.TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainedCrnn trainNew(CrnnConfig config, List<Example> train, List<Example> dev,
                                       TensorQuant inputQuant, TrainingOptions options) {
        CrnnConfig standardized = config.standardizesInput() || train.isEmpty()
                ? config
                : InputStatistics.measure(train, inputQuant).applyTo(config);
        Model model = CrnnModels.newModel(standardized, options.seed());
        try {
            return new TrainedCrnn(model, train(model, train, dev, inputQuant, options));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Trains {@code model} in place and leaves it holding the best dev epoch's parameters.
     *
     * <p>Raw features (a config without input standardization) need a learning rate around 1e-3; at 3e-3 the
     * baseline model failed to learn at all on the synthetic corpus.
     *
     * @param model      a model whose block is an initialized {@link CrnnBlock}
     * @param train      training clips, shuffled each epoch
     * @param dev        dev clips for model selection; should hold both classes
     * @param inputQuant the int8 feature quantization, to dequantize the clips
     * @throws IllegalArgumentException if a set is empty or a clip does not fit the model
     * @throws ai.djl.TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Model model, List<Example> train, List<Example> dev, TensorQuant inputQuant,
                                       TrainingOptions options) {
        CrnnBlock block = CrnnModels.block(model);
        CrnnConfig config = block.config();
        if (train.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("training needs clips in both sets, got " + train.size()
                    + " training and " + dev.size() + " dev clips");
        }
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("the model's parameters are not initialized; create it with"
                    + " CrnnModels.newModel");
        }
        DjlRuntime.seed(options.seed());
        RandomAccessDataset trainSet = ExampleDataset.builder().setExamples(train).setConfig(config)
                .setInputQuant(inputQuant)
                .setSampling(new BatchSampler(new SeededShuffleSampler(options.seed()), options.batchSize(), false))
                .build();
        RandomAccessDataset devSet = ExampleDataset.builder().setExamples(dev).setConfig(config)
                .setInputQuant(inputQuant).setSampling(options.batchSize(), false).build();

        Loss loss = options.balanceClasses()
                ? new WeightedSoftmaxCrossEntropyLoss(
                        WeightedSoftmaxCrossEntropyLoss.balancedWeights(countPerClass(train, config.classes())))
                : Loss.softmaxCrossEntropyLoss();
        EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
        BestEpochKeeper keeper = new BestEpochKeeper(evaluations, loss.getName());
        List<TrainingListener> listeners = new ArrayList<>(List.of(new EpochTrainingListener(), evaluations,
                new DivergenceCheckTrainingListener(), keeper));
        int batches = (train.size() + options.batchSize() - 1) / options.batchSize();
        if (options.progress() != null) {
            listeners.add(new ProgressPrinter(options.progress(), options.epochs(), batches, keeper));
        }
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(learningRate(options, batches)).build())
                .addEvaluator(new Accuracy())
                .addEvaluator(new AuFaFrEvaluator())
                .addTrainingListeners(listeners.toArray(TrainingListener[]::new));

        try (Trainer trainer = model.newTrainer(trainingConfig)) {
            trainer.initialize(block.inputShape(options.batchSize()));
            EasyTrain.fit(trainer, options.epochs(), trainSet, devSet);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory datasets do no I/O
        } catch (TranslateException e) {
            throw new IllegalStateException("DJL could not batch the clips: " + e.getMessage(), e);
        }
        // The keeper restored the best epoch's parameters when the trainer closed.
        model.setProperty("Epoch", Integer.toString(keeper.bestEpoch()));
        return new TrainingResult(keeper.history(), keeper.bestEpoch());
    }

    private static Tracker learningRate(TrainingOptions options, int batchesPerEpoch) {
        if (!options.cosineDecay()) {
            return Tracker.fixed(options.learningRate());
        }
        return Tracker.cosine().setBaseValue(options.learningRate()).optFinalValue(options.learningRate() / 20)
                .setMaxUpdates(options.epochs() * batchesPerEpoch).build();
    }

    static long[] countPerClass(List<Example> examples, int classes) {
        long[] counts = new long[classes];
        for (Example e : examples) {
            if (e.label() >= classes) {
                throw new IllegalArgumentException("label " + e.label() + " outside 0.." + (classes - 1));
            }
            counts[e.label()]++;
        }
        return counts;
    }
}
