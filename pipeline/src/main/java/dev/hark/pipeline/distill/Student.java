package dev.hark.pipeline.distill;

import dev.hark.trainer.model.CrnnConfig;
import java.util.Optional;

/**
 * One model of the distillation table.
 *
 * @param name     how the table and the run directory call it
 * @param config   its shape
 * @param teacher  the name of the model that teaches it; empty for a model trained on the labels alone
 */
public record Student(String name, CrnnConfig config, Optional<String> teacher) {
    /** Its folder under the workspace's distillation folder: the name with {@code <-} spelled {@code -from-}. */
    public String directoryName() {
        return name.replace("<-", "-from-");
    }
}
