package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.testing.Fast;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The settings a cross-validation cannot run with are refused, each naming {@code hark crossval}'s option; the rows
 * and the settings file the branched and pruned models add.
 */
@Fast
class CrossValidationSettingsTest {
    private static final DistillationOptions LOSS = new DistillationOptions(4, 0.7f, 0.3f);

    private static CrossValidationStage.Settings settings(int folds, List<Long> seeds, double devShare,
                                                          int resamples) {
        return new CrossValidationStage.Settings("sheila", folds, 1, seeds, 1, true, LOSS, devShare, resamples, 1,
                false, Optional.empty());
    }

    private static CrossValidationStage.Settings withModels(boolean branched, Optional<PruningRecipe> pruning) {
        return new CrossValidationStage.Settings("sheila", 2, 1, List.of(1L), 1, true, LOSS, 0.1, 10, 1, branched,
                pruning);
    }

    private static PruningRecipe pruning(double... fractions) {
        return new PruningRecipe(Arrays.stream(fractions).mapToObj(PruningAmount::uniform).toList(),
                PruningCriterion.WEIGHT_L1, Optional.empty(), 2, 1e-3f);
    }

    private static String refusal(int folds, List<Long> seeds, double devShare, int resamples) {
        return assertThrows(IllegalArgumentException.class, () -> settings(folds, seeds, devShare, resamples))
                .getMessage();
    }

    @Test
    void valuesTheStageCannotUseAreRefusedNamingTheOption() {
        assertEquals("--folds must be at least 2, got 1", refusal(1, List.of(1L), 0.1, 10));
        assertEquals("--resamples must be at least 1, got 0", refusal(2, List.of(1L), 0.1, 0));
        assertEquals("--dev-share must be between 0 and 1, got 1.0", refusal(2, List.of(1L), 1, 10));
        assertEquals("--dev-share must be between 0 and 1, got 0.0", refusal(2, List.of(1L), 0, 10));
        assertEquals("--seeds repeats a seed: [1, 2, 1]", refusal(2, List.of(1L, 2L, 1L), 0.1, 10));
        assertEquals("--seeds must name at least one seed", refusal(2, List.of(), 0.1, 10));
    }

    @Test
    void branchedStudentsAndPrunedTeachersFollowTheZooInTheTable() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        CrnnConfig teacher = zoo.get(0).config();
        List<Student> rows = withModels(true, Optional.of(pruning(0.5, 0.3))).rows(zoo);
        assertEquals(List.of("teacher", "c2-h16-s6", "c2-h16-s6-branched", "teacher-c50-u50", "teacher-c30-u30"),
                rows.stream().map(Student::name).toList());
        assertEquals(zoo.get(1).config(), rows.get(2).config(), "a branched student is folded to the plain shape");
        assertEquals(Optional.of("teacher"), rows.get(2).teacher());
        assertEquals(PruningAmount.uniform(0.5).prunedConfig(teacher), rows.get(3).config());
        assertTrue(rows.get(3).config().parameterCount() < teacher.parameterCount());
        assertEquals(Optional.of("teacher"), rows.get(4).teacher());
        assertEquals(zoo, withModels(false, Optional.empty()).rows(zoo));
    }

    @Test
    void aBranchedStudentTaughtByAStudentIsTaughtByThatStudentBranched() {
        Student student = new Student("c4-h24<-c4-h32", StudentZoo.standard().get(0).config(), Optional.of("c4-h32"));
        Student branched = CrossValidationStage.branched(student, "teacher");
        assertEquals(Optional.of("c4-h32-branched"), branched.teacher());
        assertEquals("c4-h24-from-c4-h32-branched", branched.directoryName());
    }

    @Test
    void theSettingsFileNamesBranchedAndPrunedModelsOnlyWhenAskedFor() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        String plain = withModels(false, Optional.empty()).fingerprint(zoo);
        assertFalse(plain.contains("branched") || plain.contains("pruning"), plain);
        String branched = withModels(true, Optional.empty()).fingerprint(zoo);
        assertEquals(plain + "branchedConv=true\n", branched);
        String pruned = withModels(false, Optional.of(pruning(0.5))).fingerprint(zoo);
        assertTrue(pruned.startsWith(plain + "pruning="), pruned);
        assertNotEquals(pruned, withModels(false, Optional.of(pruning(0.3))).fingerprint(zoo));
        assertNotEquals(pruned, withModels(false, Optional.of(new PruningRecipe(List.of(PruningAmount.uniform(0.5)),
                PruningCriterion.WEIGHT_L1, Optional.empty(), 3, 1e-3f))).fingerprint(zoo), "the fine-tuning epochs");
    }

    @Test
    void theSmallestUsableValuesAreTaken() {
        CrossValidationStage.Settings smallest = settings(2, List.of(7L), 0.01, 1);
        assertEquals(List.of(7L), smallest.seeds());
    }
}
