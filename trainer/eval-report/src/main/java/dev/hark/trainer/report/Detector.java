package dev.hark.trainer.report;

import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.eval.WindowScorer;
import java.util.function.Supplier;

/**
 * A named detector to evaluate, e.g. {@code "float"} or {@code "int8"}: how it scores a test clip (one 101-frame
 * window) and how it listens to a stream (its streaming engine; each call a fresh network).
 */
public record Detector(String name, WindowScorer clipScorer, Supplier<StreamingModel> listener) {
}
