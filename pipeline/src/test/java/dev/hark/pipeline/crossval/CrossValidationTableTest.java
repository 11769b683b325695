package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class CrossValidationTableTest {
    private static final boolean[] LABELS = {true, true, true, false, false, false, false, false};
    /** Separates the classes, every clip on the right side of 0.5. */
    private static final float[] PERFECT = {0.9f, 0.8f, 0.7f, 0.1f, 0.2f, 0.3f, 0.05f, 0.15f};
    /** The same ranking, scores moved a little: int8-like. */
    private static final float[] PERFECT_INT8 = {0.91f, 0.79f, 0.69f, 0.11f, 0.2f, 0.31f, 0.04f, 0.16f};
    /** Every keyword clip below every other clip, every decision at 0.5 wrong. */
    private static final float[] INVERTED = {0.1f, 0.2f, 0.3f, 0.9f, 0.8f, 0.7f, 0.6f, 0.95f};

    private static CrossValidationTable table() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        List<ModelFigures> figures = zoo.stream().map(s -> ModelFigures.of(s.config())).toList();
        return CrossValidationTable.of(new CrossValidationTable.Description(2, 1, List.of(1L, 2L), LABELS.length, 3,
                        100, 1), zoo, figures, LABELS,
                List.of(List.of(PERFECT, PERFECT), List.of(INVERTED, INVERTED)),
                List.of(List.of(PERFECT_INT8, PERFECT_INT8), List.of(INVERTED, INVERTED)));
    }

    @Test
    void theClaimsNameTheBetterNetworkOnTheSameClips() {
        CrossValidationTable table = table();
        CrossValidationTable.Row teacher = table.rows().get(0);
        CrossValidationTable.Row student = table.rows().get(1);
        assertNull(teacher.versusTeacher());
        assertEquals(0, teacher.floatFigure().mean());
        assertEquals(List.of(1.0, 1.0), student.floatFigure().perSeed());
        assertEquals(Verdict.B_BETTER, student.versusTeacher().bootstrap().verdict());
        assertEquals("teacher float better", student.versusTeacher().verdict());
        // Every clip: only the teacher decides it right, under each seed; 8 of 8 gives p = 2 / 256.
        assertEquals(List.of(0, 0), student.versusTeacher().mcnemar().stream().map(t -> t.aOnly()).toList());
        assertEquals(List.of(8, 8), student.versusTeacher().mcnemar().stream().map(t -> t.bOnly()).toList());
        assertEquals(2.0 / 256, student.versusTeacher().mcnemar().get(0).pValue(), 1e-15);
        assertEquals("cannot tell", teacher.int8VersusFloat().verdict());
    }

    @Test
    void theThreeFormsHoldTheSameRows() {
        CrossValidationTable table = table();
        String md = table.markdown();
        assertTrue(md.startsWith("2 folds by speaker (fold seed 1), training seeds 1, 2: 8 clips (3 keyword)"), md);
        ModelFigures student = table.rows().get(1).figures();
        assertTrue(md.contains("| c2-h16-s6 | 3117 | 92320 | " + student.streamingMacsPerSecond() + " | 5384 |"), md);
        assertTrue(md.contains("| teacher float better | 0/8 p=0.00781; 0/8 p=0.00781 |"), md);
        List<String> csv = table.csv().lines().toList();
        assertEquals(3, csv.size());
        int columns = csv.get(0).split(",", -1).length;
        for (String row : csv) {
            assertEquals(columns, row.split(",", -1).length, row);
        }
        assertTrue(csv.get(2).contains(",teacher float better,0/8/0.007813;0/8/0.007813,"), csv.get(2));
        assertTrue(csv.get(0).startsWith("model,teacher,params,clip_macs,streaming_macs_per_second,"), csv.get(0));
        assertTrue(csv.get(2).startsWith("c2-h16-s6,teacher,3117,92320," + student.streamingMacsPerSecond() + ","),
                csv.get(2));
        JsonObject json = JsonParser.parseString(table.json()).getAsJsonObject();
        assertEquals(2, json.getAsJsonArray("models").size());
        JsonObject row = json.getAsJsonArray("models").get(1).getAsJsonObject();
        assertEquals(92320, row.get("clipMacs").getAsLong());
        assertEquals(student.streamingMacsPerSecond(), row.get("streamingMacsPerSecond").getAsLong());
        assertEquals(1.0, row.getAsJsonObject("versusTeacher").get("difference").getAsDouble());
        assertEquals("teacher float better", row.getAsJsonObject("versusTeacher").getAsJsonArray("mcnemar").get(0)
                .getAsJsonObject().get("verdict").getAsString());
    }
}
