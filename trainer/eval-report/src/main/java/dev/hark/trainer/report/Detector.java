package dev.hark.trainer.report;

import dev.hark.trainer.eval.WindowScorer;

/**
 * A named detector to evaluate, e.g. {@code "float"} with a {@code FloatWindowScorer} or {@code "int8"} with an
 * {@code Int8WindowScorer}. The scorer scores test clips (one 101-frame window each) and stream windows alike.
 */
public record Detector(String name, WindowScorer scorer) {
}
