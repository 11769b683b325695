package dev.hark.pipeline.train;

import dev.hark.trainer.augment.AugmentedFeatures;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;

/**
 * What decides a float model's weights, as one line of text kept beside the model: a workspace compares it before
 * reusing the model, so that it never reuses a model trained otherwise.
 */
public final class TrainingFingerprint {
    private TrainingFingerprint() {
    }

    public static String of(TrainingFeatures train, CrnnConfig config, TrainingOptions options) {
        return of(train, config, options, "");
    }

    /**
     * @param negatives what decides the extra negatives ({@link StreamTrainingRecipe#fingerprint(int)});
     *                  empty for none, which gives the fingerprint models had before extra negatives existed
     */
    public static String of(TrainingFeatures train, CrnnConfig config, TrainingOptions options, String negatives) {
        return "augment=" + (train instanceof AugmentedFeatures) + " epochs=" + options.epochs() + " seed="
                + options.seed() + " lr=" + options.learningRate() + " batch=" + options.batchSize() + " config="
                + config + (negatives.isEmpty() ? "" : " negatives=" + negatives + " clips=" + train.size()) + "\n";
    }
}
