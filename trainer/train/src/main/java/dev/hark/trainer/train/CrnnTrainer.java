package dev.hark.trainer.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.DivergenceCheckTrainingListener;
import ai.djl.training.listener.EpochTrainingListener;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListener;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trains a CRNN with DJL's own machinery: {@link ExampleDataset}s, a {@link DefaultTrainingConfig} (a
 * {@link TrainingObjective}'s loss, by default softmax cross-entropy, optionally class-weighted;
 * {@link ResumableAdam}, by default with a cosine-decayed learning rate; accuracy and au_fa_fr evaluators), a
 * {@link Trainer}, and listeners ({@link BestEpochKeeper}, {@link ProgressPrinter} next to DJL's epoch,
 * evaluator and divergence listeners). The epoch loop is hark's own (one dataset per epoch, so that
 * {@link TrainingFeatures} can change with the epoch, and a checkpoint after each).
 *
 * <p>Deterministic for a given seed on the same machine: the engine RNG is seeded, shuffling uses a
 * {@link SeededShuffleSampler} seeded per epoch ({@link EpochSeeds}), nothing else is random (no dropout),
 * and PyTorch runs single-threaded ({@link DjlRuntime}), so reductions always add in the same order. With
 * {@link TrainingOptions#runDirectory()} a {@link Checkpoint} is written after every epoch and a later call
 * continues from the newest one; because each epoch depends only on the checkpointed state and
 * {@code (seed, epoch)}, a run killed at any point and continued ends with exactly the parameters and history
 * (except wall times) of an uninterrupted run. The model must already hold initialized parameters
 * ({@link CrnnModels#newModel}); training continues from them, so a loaded model can be fine-tuned too.
 */
public final class CrnnTrainer {
    private CrnnTrainer() {
    }

    /** {@link #trainNew(CrnnConfig, TrainingFeatures, List, TensorQuant, TrainingOptions)} with fixed clips. */
    public static TrainedCrnn trainNew(CrnnConfig config, List<Example> train, List<Example> dev,
                                       TensorQuant inputQuant, TrainingOptions options) {
        return trainNew(config, TrainingFeatures.of(train), dev, inputQuant, options);
    }

    /** {@link #trainNew(CrnnConfig, TrainingFeatures, List, TensorQuant, TrainingOptions, TrainingObjective)}
     *  with cross-entropy ({@link CrossEntropyObjective#of}). */
    public static TrainedCrnn trainNew(CrnnConfig config, TrainingFeatures train, List<Example> dev,
                                       TensorQuant inputQuant, TrainingOptions options) {
        return trainNew(config, train, dev, inputQuant, options,
                CrossEntropyObjective.of(options, train, config.classes()));
    }

    /**
     * Creates a model for {@code config} and trains it. Unless {@code config} already standardizes its input,
     * the standardization is measured on {@code train} first ({@link InputStatistics}, epoch 0); with it the
     * default learning rate of {@link TrainingOptions} is safe. Parameters are initialized from
     * {@code options.seed()}.
     *
     * @throws IllegalArgumentException if a set is empty or a clip does not fit the model
     * @throws UncheckedIOException     wrapping a {@link CheckpointException} if the run directory holds a damaged
     *                                  checkpoint or one of a different run, or on I/O errors writing one
     * @throws ai.djl.TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainedCrnn trainNew(CrnnConfig config, TrainingFeatures train, List<Example> dev,
                                       TensorQuant inputQuant, TrainingOptions options, TrainingObjective objective) {
        return trainNew(config, train, dev, inputQuant, options, objective, false);
    }

    /**
     * {@link #trainNew(CrnnConfig, TrainingFeatures, List, TensorQuant, TrainingOptions, TrainingObjective)}, with
     * the convolution trained as RepVGG-style branches when {@code branchedConv} ({@link CrnnModels#newBranchedModel});
     * the trained model's weights read out are those of the plain network {@code config} describes.
     */
    public static TrainedCrnn trainNew(CrnnConfig config, TrainingFeatures train, List<Example> dev,
                                       TensorQuant inputQuant, TrainingOptions options, TrainingObjective objective,
                                       boolean branchedConv) {
        CrnnConfig standardized = config.standardizesInput() || train.size() == 0
                ? config
                : InputStatistics.measure(train, inputQuant).applyTo(config);
        Model model = branchedConv ? CrnnModels.newBranchedModel(standardized, options.seed())
                : CrnnModels.newModel(standardized, options.seed());
        try {
            return new TrainedCrnn(model, train(model, train, dev, inputQuant, options, objective));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** {@link #train(Model, TrainingFeatures, List, TensorQuant, TrainingOptions)} with fixed clips. */
    public static TrainingResult train(Model model, List<Example> train, List<Example> dev, TensorQuant inputQuant,
                                       TrainingOptions options) {
        return train(model, TrainingFeatures.of(train), dev, inputQuant, options);
    }

    /** {@link #train(Model, TrainingFeatures, List, TensorQuant, TrainingOptions, TrainingObjective)} with
     *  cross-entropy ({@link CrossEntropyObjective#of}). */
    public static TrainingResult train(Model model, TrainingFeatures train, List<Example> dev,
                                       TensorQuant inputQuant, TrainingOptions options) {
        return train(model, train, dev, inputQuant, options,
                CrossEntropyObjective.of(options, train, CrnnModels.block(model).config().classes()));
    }

    /**
     * Trains {@code model} in place and leaves it holding the best dev epoch's parameters.
     *
     * <p>Raw features (a config without input standardization) need a learning rate around 1e-3; at 3e-3 the
     * baseline model failed to learn at all on the synthetic corpus.
     *
     * @param model      a model whose block is an initialized {@link CrnnBlock}
     * @param train      training clips, shuffled each epoch and read as they look in that epoch
     * @param dev        dev clips for model selection; should hold both classes
     * @param inputQuant the int8 feature quantization, to dequantize the clips
     * @param objective  the loss and the extra labels it needs
     * @throws IllegalArgumentException if a set is empty or a clip does not fit the model
     * @throws UncheckedIOException     wrapping a {@link CheckpointException} if the run directory holds a damaged
     *                                  checkpoint or one of a different run, or on I/O errors writing one
     * @throws ai.djl.TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Model model, TrainingFeatures train, List<Example> dev, TensorQuant inputQuant,
                                       TrainingOptions options, TrainingObjective objective) {
        CrnnBlock block = CrnnModels.block(model);
        CrnnConfig config = block.config();
        if (train.size() == 0 || dev.isEmpty()) {
            throw new IllegalArgumentException("training needs clips in both sets, got " + train.size()
                    + " training and " + dev.size() + " dev clips");
        }
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("the model's parameters are not initialized; create it with"
                    + " CrnnModels.newModel");
        }
        DjlRuntime.seed(options.seed());
        ExampleDataset devSet = ExampleDataset.builder().setExamples(dev).setConfig(config)
                .setInputQuant(inputQuant).setSampling(options.batchSize(), false).build();
        int batches = (train.size() + options.batchSize() - 1) / options.batchSize();

        EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
        BestEpochKeeper keeper = new BestEpochKeeper(evaluations, objective.loss().getName());
        ResumableAdam optimizer = new ResumableAdam(block, learningRate(options, batches));
        RunDirectory run = options.runDirectory() == null ? null : new RunDirectory(options.runDirectory());
        Map<String, String> settings = RunSettings.of(config, options, inputQuant, train, dev, objective);
        int firstEpoch = run == null ? 0 : resume(run, settings, block, optimizer, keeper, options);

        List<TrainingListener> listeners = new ArrayList<>(List.of(new EpochTrainingListener(), evaluations,
                new DivergenceCheckTrainingListener(), keeper));
        if (options.progress() != null) {
            listeners.add(new ProgressPrinter(options.progress(), options.epochs(), batches, keeper));
        }
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(objective.loss())
                .optOptimizer(optimizer)
                .addEvaluator(new Accuracy())
                .addEvaluator(new AuFaFrEvaluator())
                .addTrainingListeners(listeners.toArray(TrainingListener[]::new));

        try (Trainer trainer = model.newTrainer(trainingConfig)) {
            trainer.initialize(block.inputShape(options.batchSize()));
            for (int epoch = firstEpoch; epoch < options.epochs(); epoch++) {
                ExampleDataset trainSet = ExampleDataset.builder().setFeatures(train, epoch).setConfig(config)
                        .setInputQuant(inputQuant)
                        .setSampling(new BatchSampler(new SeededShuffleSampler(EpochSeeds.sampler(options.seed(),
                                epoch)), options.batchSize(), false))
                        .build();
                for (Batch batch : trainer.iterateDataset(trainSet)) {
                    trainBatch(trainer, batch, objective);
                    trainer.step();
                    batch.close();
                }
                for (Batch batch : trainer.iterateDataset(devSet)) {
                    validateBatch(trainer, batch, objective);
                    batch.close();
                }
                trainer.notifyListeners(listener -> listener.onEpoch(trainer));
                if (run != null) {
                    run.write(new Checkpoint(settings, epoch + 1, EpochSeeds.sampler(options.seed(), epoch + 1),
                            BestEpochKeeper.snapshot(block), optimizer.state(), keeper.history(),
                            keeper.bestEpoch(), keeper.bestParameters()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException("DJL could not batch the clips: " + e.getMessage(), e);
        }
        // The keeper restored the best epoch's parameters when the trainer closed.
        model.setProperty("Epoch", Integer.toString(keeper.bestEpoch()));
        return new TrainingResult(keeper.history(), keeper.bestEpoch());
    }

    /** Restores the newest checkpoint, if any, and returns the 0-based epoch to continue with. */
    private static int resume(RunDirectory run, Map<String, String> settings, CrnnBlock block,
                              ResumableAdam optimizer, BestEpochKeeper keeper, TrainingOptions options) {
        return run.resume(settings, options.epochs(), (file, c) -> {
            if (c.samplerSeed() != EpochSeeds.sampler(options.seed(), c.epochsDone())) {
                throw new CheckpointException(file, "its sampler seed does not follow from seed " + options.seed()
                        + "; written by a different hark version");
            }
            CheckpointParameters.requireSameNames(file, block, c.parameters());
            CheckpointParameters.set(block, c.parameters());
            CheckpointParameters.requireSameNames(file, block, c.bestParameters());
            optimizer.restore(c.optimizer());
            keeper.restore(c.history(), c.bestEpoch(), c.bestParameters());
        });
    }

    /** One optimization step's forward and backward pass (the update is {@code trainer.step()}). */
    private static void trainBatch(Trainer trainer, Batch batch, TrainingObjective objective) {
        NDList data = batch.getData();
        NDList labels = labels(batch, objective); // outside the collector: no gradient into the extra labels
        TrainingListener.BatchData batchData =
                new TrainingListener.BatchData(batch, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(data, labels);
            NDArray loss = trainer.getLoss().evaluate(labels, predictions);
            collector.backward(loss);
            batchData.getLabels().put(labels.get(0).getDevice(), labels);
            batchData.getPredictions().put(predictions.get(0).getDevice(), predictions);
        }
        trainer.notifyListeners(listener -> listener.onTrainingBatch(trainer, batchData));
    }

    private static void validateBatch(Trainer trainer, Batch batch, TrainingObjective objective) {
        NDList labels = labels(batch, objective);
        NDList predictions = trainer.evaluate(batch.getData());
        TrainingListener.BatchData batchData =
                new TrainingListener.BatchData(batch, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        batchData.getLabels().put(labels.get(0).getDevice(), labels);
        batchData.getPredictions().put(predictions.get(0).getDevice(), predictions);
        trainer.notifyListeners(listener -> listener.onValidationBatch(trainer, batchData));
    }

    private static NDList labels(Batch batch, TrainingObjective objective) {
        NDList extra = objective.extraLabels(batch.getData());
        if (extra.isEmpty()) {
            return batch.getLabels();
        }
        NDList labels = new NDList(batch.getLabels());
        for (NDArray a : extra) {
            labels.add(a.stopGradient());
        }
        return labels;
    }

    private static Tracker learningRate(TrainingOptions options, int batchesPerEpoch) {
        if (!options.cosineDecay()) {
            return Tracker.fixed(options.learningRate());
        }
        return Tracker.cosine().setBaseValue(options.learningRate()).optFinalValue(options.learningRate() / 20)
                .setMaxUpdates(options.epochs() * batchesPerEpoch).build();
    }

    static long[] countPerClass(List<Example> examples, int classes) {
        return CrossEntropyObjective.countPerClass(TrainingFeatures.of(examples), classes);
    }
}
