package dev.hark.pipeline.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.distill.DistillStage;
import dev.hark.pipeline.distill.DistillationRow;
import dev.hark.pipeline.distill.Student;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pruning table pairs each pruned network with the source's on the same clips, float and int8 apart. */
@Fast
class PruningTableTest {
    private static final boolean[] LABELS = {true, true, true, false, false, false};
    /** Two keyword clips scored below other clips. */
    private static final float[] SOURCE = {0.9f, 0.3f, 0.2f, 0.4f, 0.5f, 0.1f};
    private static final float[] PERFECT = {0.9f, 0.8f, 0.7f, 0.3f, 0.2f, 0.1f};

    private static DistillStage.Evaluated evaluated(String name, float[] floatScores, Optional<float[]> int8Scores) {
        Scores f = new Scores(floatScores, LABELS);
        Optional<Scores> q = int8Scores.map(s -> new Scores(s, LABELS));
        return new DistillStage.Evaluated(new DistillationRow(new Student(name, CrnnConfig.defaults(),
                name.equals("teacher") ? Optional.empty() : Optional.of("teacher")),
                new ModelFigures(1000, 8000, 9100, 4000, 1200, 5000), ClipMetrics.of(f), q.map(ClipMetrics::of)), f, q);
    }

    @Test
    void theSameScoresDifferByNothingAndPendingInt8IsSaid() {
        PruningTable table = PruningTable.of(List.of(evaluated("teacher", SOURCE, Optional.of(SOURCE)),
                evaluated("teacher-c30-u30", SOURCE, Optional.of(PERFECT)),
                evaluated("teacher-c50-u50", PERFECT, Optional.empty())), 200, 1);
        PruningTable.VersusSource same = table.versusSource().get(0);
        assertEquals(0.0, same.floatComparison().difference());
        assertEquals(0.0, same.floatComparison().interval().low());
        assertEquals(0.0, same.floatComparison().interval().high());
        assertTrue(same.int8().orElseThrow().difference() < 0, "the int8 network separates the clips, the source's"
                + " does not");
        PruningTable.VersusSource better = table.versusSource().get(1);
        assertTrue(better.floatComparison().difference() < 0);
        assertTrue(better.int8().isEmpty());
        String md = table.markdown();
        assertTrue(md.contains("| teacher-c50-u50 | -"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| teacher-c50-u50 |") && l.endsWith("| pending | pending |")),
                md);
        assertTrue(md.contains("Against teacher on the same test clips"), md);
    }

    @Test
    void aTableNeedsAPrunedModel() {
        assertThrows(IllegalArgumentException.class,
                () -> PruningTable.of(List.of(evaluated("teacher", SOURCE, Optional.empty())), 10, 1));
    }
}
