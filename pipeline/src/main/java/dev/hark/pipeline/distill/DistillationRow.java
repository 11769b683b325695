package dev.hark.pipeline.distill;

import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.ModelFigures;
import java.util.Optional;

/**
 * One model's line of the distillation table.
 *
 * @param student       the model
 * @param figures       its size and cost, counted on its kernel program ({@link ModelFigures})
 * @param floatMetrics  the float network's test-split metrics
 * @param int8Metrics   the int8 network's; empty while the integer network cannot run the model ("pending")
 */
public record DistillationRow(Student student, ModelFigures figures, ClipMetrics floatMetrics,
                              Optional<ClipMetrics> int8Metrics) {
}
