package dev.hark.pipeline.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@Fast
class DistillationTableTest {
    private static final boolean[] LABELS = {true, true, false, false};

    /** One keyword clip scored below one other clip: au_fa_fr 0.25; perfect separation: 0. */
    private static ClipMetrics metrics(float... scores) {
        return ClipMetrics.of(new Scores(scores, LABELS));
    }

    private static final DistillationTable TABLE = new DistillationTable(List.of(
            new DistillationRow(new Student("teacher", CrnnConfig.defaults(), Optional.empty()),
                    new ModelFigures(1000, 8000, 9100, 4000, 1200, 5000), metrics(0.9f, 0.4f, 0.5f, 0.1f),
                    Optional.of(metrics(0.9f, 0.4f, 0.5f, 0.1f))),
            new DistillationRow(new Student("small", CrnnConfig.defaults(), Optional.of("teacher")),
                    new ModelFigures(250, 2000, 2300, 1000, 400, 1600), metrics(0.9f, 0.8f, 0.2f, 0.1f),
                    Optional.of(metrics(0.9f, 0.4f, 0.5f, 0.1f))),
            new DistillationRow(new Student("odd", CrnnConfig.defaults(), Optional.of("small")),
                    new ModelFigures(500, 4000, 4700, 2000, 500, 2000), metrics(0.9f, 0.4f, 0.5f, 0.1f),
                    Optional.empty())));

    @Test
    void ratiosAreToTheTeacherAndPendingInt8IsSaid() {
        List<String> lines = TABLE.markdown().lines().toList();
        assertTrue(lines.get(2).startsWith("| teacher | 1000 | 8000 | 9100 | 1200 | "), lines.get(2));
        assertTrue(lines.get(2).endsWith("| 1.00x | 3.33x | 1.00x | 1.00x |"), lines.get(2));
        assertTrue(lines.get(3).startsWith("| small | 250 | 2000 | 2300 | 400 | 0.00000 ["), lines.get(3));
        assertTrue(lines.get(3).endsWith("| 4.00x | 10.00x | 0.00x | 1.00x |"), lines.get(3));
        assertTrue(lines.get(4).startsWith("| odd | 500 | 4000 | 4700 | pending | "), lines.get(4));
        assertTrue(lines.get(4).endsWith("| int8: pending | 2.00x | pending | 1.00x | pending |"), lines.get(4));
    }

    @Test
    void theCsvLeavesPendingFieldsEmpty() {
        List<String> lines = TABLE.csv().lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("model,teacher,params,clip_macs,streaming_macs_per_second,float32_bytes,"),
                lines.get(0));
        assertTrue(lines.get(2).startsWith("small,teacher,250,2000,2300,1000,400,0.000000,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("odd,small,500,4000,4700,2000,,0.250000,"), lines.get(3));
        assertTrue(lines.get(3).endsWith(",,,,2.0000,,1.000000,"), lines.get(3));
    }
}
