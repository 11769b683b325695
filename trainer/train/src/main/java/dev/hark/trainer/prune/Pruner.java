package dev.hark.trainer.prune;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.distill.DistillationObjective;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnBlock;
import dev.hark.trainer.model.CrnnBlockWeights;
import dev.hark.trainer.model.CrnnModels;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.model.ParameterFingerprint;
import dev.hark.trainer.train.CrnnTrainer;
import dev.hark.trainer.train.CrossEntropyObjective;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingObjective;
import dev.hark.trainer.train.TrainingOptions;
import dev.hark.trainer.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Structured pruning of a trained CRNN ({@link StructuredPruning}) followed by fine-tuning of the smaller network
 * with {@link CrnnTrainer}, so with all it brings: per-epoch (augmented) features, the best dev epoch kept, a
 * checkpoint per epoch in {@link TrainingOptions#runDirectory()} and resume after a kill. Works on any CRNN: the
 * teacher, or a student after distillation.
 *
 * <p>Pruning is deterministic in the source model, the options and the training clips, so a resumed run prunes
 * again to the same network and then continues from its checkpoint; the source's fingerprint and the pruning
 * options are part of the run's settings, so a checkpoint of another source or amount is refused.
 */
public final class Pruner {
    private Pruner() {
    }

    /**
     * Prunes {@code source} and fine-tunes the result.
     *
     * @param source       a trained model; only read
     * @param distillation empty: fine-tune on the labels (cross-entropy); present: the unpruned source teaches the
     *                     pruned network ({@link DistillationObjective})
     * @throws IllegalArgumentException if a set is empty
     */
    public static TrainedCrnn pruneAndFineTune(Model source, PruningOptions pruning, TrainingFeatures train,
                                               List<Example> dev, TensorQuant inputQuant, TrainingOptions options,
                                               Optional<DistillationOptions> distillation) {
        return pruneAndFineTune(source, source, pruning, train, dev, inputQuant, options, distillation);
    }

    /**
     * Prunes {@code source} and fine-tunes the result, with distillation against {@code teacher}: a student pruned
     * after distillation can go on learning from the model that taught it rather than from its own smaller outputs.
     *
     * @param teacher read only with {@code distillation}; its configuration and fingerprint are in the run's settings
     */
    public static TrainedCrnn pruneAndFineTune(Model source, Model teacher, PruningOptions pruning,
                                               TrainingFeatures train, List<Example> dev, TensorQuant inputQuant,
                                               TrainingOptions options, Optional<DistillationOptions> distillation) {
        CrnnBlock block = CrnnModels.block(source);
        CrnnWeights pruned = prune(CrnnBlockWeights.read(block, block.config()), pruning, train, inputQuant)
                .weights();
        TrainingObjective hard = CrossEntropyObjective.of(options, train, pruned.config().classes());
        TrainingObjective objective = new Recorded(distillation.<TrainingObjective>map(d ->
                new DistillationObjective(teacher, d, hard)).orElse(hard), pruning,
                ParameterFingerprint.of(block));
        Model model = CrnnModels.newModel(pruned.config(), options.seed());
        try {
            CrnnBlockWeights.write(model.getBlock(), pruned);
            TrainingResult result = CrnnTrainer.train(model, train, dev, inputQuant, options, objective);
            return new TrainedCrnn(model, result);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The pruned network before fine-tuning.
     *
     * @param weights the source's weights
     */
    public static StructuredPruning.Pruned prune(CrnnWeights weights, PruningOptions pruning, TrainingFeatures train,
                                                 TensorQuant inputQuant) {
        Importance importance = switch (pruning.criterion()) {
            case WEIGHT_L1 -> Importance.ofWeights(weights);
            case ACTIVATION_L1 -> Importance.ofActivations(weights,
                    activationClips(train, pruning.activationClips(), inputQuant));
        };
        return StructuredPruning.prune(weights, pruning.amount(), importance);
    }

    /** Up to {@code count} clips spread evenly over the set, as epoch 0 sees them, dequantized. */
    private static List<float[]> activationClips(TrainingFeatures train, int count, TensorQuant inputQuant) {
        int n = Math.min(count, train.size());
        List<float[]> clips = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            clips.add(InputFeatures.dequantize(train.features((int) ((long) i * train.size() / n), 0), inputQuant));
        }
        return clips;
    }

    /** An objective with what the pruning started from added to its settings. */
    private record Recorded(TrainingObjective objective, PruningOptions pruning, String sourceFingerprint)
            implements TrainingObjective {
        @Override
        public Loss loss() {
            return objective.loss();
        }

        @Override
        public NDList extraLabels(NDList data) {
            return objective.extraLabels(data);
        }

        @Override
        public Map<String, String> settings() {
            Map<String, String> s = new LinkedHashMap<>(objective.settings());
            s.put("pruning.source.sha256", sourceFingerprint);
            s.put("pruning.convChannels", Double.toString(pruning.amount().convChannels()));
            s.put("pruning.gruUnits", Double.toString(pruning.amount().gruUnits()));
            s.put("pruning.criterion", pruning.criterion().name());
            s.put("pruning.activationClips", Integer.toString(pruning.activationClips()));
            return s;
        }
    }
}
