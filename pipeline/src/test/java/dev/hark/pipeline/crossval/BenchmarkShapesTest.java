package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.testing.Fast;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.StreamTime;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The MACs per clip and per second of streaming audio of every model the cross-validated tables of
 * {@code docs/benchmark.md} name, counted from their shapes ({@link ModelFigures}). The rows are those of the
 * documented {@code hark crossval} commands, as {@link CrossValidationStage.Settings#rows} makes them; a branched
 * student has its plain shape once folded. Run alone, the test prints the table; it fails when the document's copy is
 * not the one the code gives.
 */
@Fast
class BenchmarkShapesTest {
    private static final DistillationOptions LOSS = DistillationOptions.defaults();

    /** The rows of one documented run: its {@code --students}, {@code --branched-conv} and {@code --prune}. */
    private static List<Student> rows(List<String> students, boolean branched, Optional<PruningPlan> pruning) {
        return new CrossValidationStage.Settings("stop", 5, 1, List.of(1L, 2L, 3L), 8, false, LOSS, 0.1, 2000, 1,
                branched, pruning).rows(StudentZoo.select(StudentZoo.standard(), students));
    }

    private static PruningRecipe recipe(boolean distill, PruningAmount... amounts) {
        return new PruningRecipe(List.of(amounts), PruningCriterion.WEIGHT_L1,
                distill ? Optional.of(LOSS) : Optional.empty(), 4, 1e-3f);
    }

    /** Every row of the documented runs, in order of first appearance. */
    static Map<String, Student> benchmarkRows() {
        Map<String, Student> rows = new LinkedHashMap<>();
        // --students c2-h16-s6 --branched-conv --prune 0.5 (the 20- and 3-epoch runs have the first two rows)
        rows(List.of("c2-h16-s6"), true, Optional.of(PruningPlan.of(recipe(false, PruningAmount.uniform(0.5)),
                "teacher"))).forEach(s -> rows.putIfAbsent(s.name(), s));
        // --students c2-h16-s8x3,c1-h16
        rows(List.of("c2-h16-s8x3", "c1-h16"), false, Optional.empty()).forEach(s -> rows.putIfAbsent(s.name(), s));
        // --students c2-h16-s6,c4-h24 --prune-distill
        //     --prune 0.75:0.875,0.5,teacher-c50-u50-kd=0.5:0.75,c4-h24=0.5:0.58
        rows(List.of("c2-h16-s6", "c4-h24"), false, Optional.of(new PruningPlan(recipe(true,
                new PruningAmount(0.75, 0.875), PruningAmount.uniform(0.5), new PruningAmount(0.5, 0.75),
                new PruningAmount(0.5, 0.58)), List.of("teacher", "teacher", "teacher-c50-u50-kd", "c4-h24"))))
                .forEach(s -> rows.putIfAbsent(s.name(), s));
        return rows;
    }

    /** The table as docs/benchmark.md shows it. */
    static String table() {
        Map<String, Student> rows = benchmarkRows();
        ModelFigures teacher = ModelFigures.of(StudentZoo.standard().get(0).config());
        StringBuilder md = new StringBuilder("| model | params | steps/s | clip MACs | streaming MACs/s "
                + "| clip MACs ratio | streaming MACs ratio |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Student s : rows.values()) {
            ModelFigures f = ModelFigures.of(s.config());
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %d | %d | %.2fx | %.2fx |%n", s.name(),
                    f.parameters(), StreamTime.stepsPerSecond(s.config().strideTime()), f.clipMacs(),
                    f.streamingMacsPerSecond(), f.macReduction(teacher),
                    (double) teacher.streamingMacsPerSecond() / f.streamingMacsPerSecond()));
        }
        return md.toString();
    }

    @Test
    void theRowsAreTheDocumentedModels() {
        assertEquals(List.of("teacher", "c2-h16-s6", "c2-h16-s6-branched", "teacher-c50-u50", "c2-h16-s8x3", "c1-h16",
                "c4-h24", "teacher-c75-u88-kd", "teacher-c50-u50-kd", "teacher-c50-u50-kd-c50-u75-kd",
                "c4-h24-c50-u58-kd"), List.copyOf(benchmarkRows().keySet()));
    }

    @Test
    void theBenchmarkShowsTheTableTheShapesGive() throws IOException {
        String table = table();
        System.out.print(table);
        String doc = Files.readString(Path.of(System.getProperty("hark.docs.dir"), "benchmark.md"));
        assertTrue(doc.contains(table), "docs/benchmark.md does not show this table:\n" + table);
    }
}
