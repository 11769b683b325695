package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.pipeline.train.StreamSequenceKind;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.testing.Fast;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import dev.hark.trainer.stream.StepLoss;
import dev.hark.trainer.stream.StreamTuningOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                pruning.map(p -> PruningPlan.of(p, "teacher")));
    }

    private static CrossValidationStage.Settings mined(StreamTrainingRecipe mining, boolean augment) {
        return new CrossValidationStage.Settings("sheila", 2, 1, List.of(1L), 1, augment, LOSS, 0.1, 10, 1, false,
                Optional.empty(), mining);
    }

    private static CrossValidationStage.Settings pruned(PruningRecipe recipe, String... sources) {
        return new CrossValidationStage.Settings("sheila", 2, 1, List.of(1L), 1, true, LOSS, 0.1, 10, 1, false,
                Optional.of(new PruningPlan(recipe, List.of(sources))));
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
    void aStudentAndAPrunedRowArePrunedTooAndLearnFromTheTeacher() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c4-h24"));
        PruningRecipe distilled = new PruningRecipe(List.of(new PruningAmount(0.5, 0.5),
                new PruningAmount(0.5, 0.75), new PruningAmount(0.5, 0.58)), PruningCriterion.WEIGHT_L1,
                Optional.of(LOSS), 2, 1e-3f);
        List<Student> rows = pruned(distilled, "teacher", "teacher-c50-u50-kd", "c4-h24").rows(zoo);
        assertEquals(List.of("teacher", "c4-h24", "teacher-c50-u50-kd", "teacher-c50-u50-kd-c50-u75-kd",
                "c4-h24-c50-u58-kd"), rows.stream().map(Student::name).toList());
        CrnnConfig teacher = zoo.get(0).config();
        assertEquals(teacher.toBuilder().optConvChannels(2).optGruHidden(8).build(), rows.get(3).config(),
                "two steps: 8 -> 4 -> 2 channels, 64 -> 32 -> 8 units");
        assertEquals(zoo.get(1).config().toBuilder().optConvChannels(2).optGruHidden(10).build(),
                rows.get(4).config());
        assertTrue(rows.subList(2, 5).stream().allMatch(r -> r.teacher().equals(Optional.of("teacher"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pruned(distilled, "teacher-c50-u50-kd", "teacher", "c4-h24").rows(zoo));
        assertEquals("pruning: no model 'teacher-c50-u50-kd' to prune before it; the rows are teacher, c4-h24",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pruned(distilled, "teacher", "teacher"));
    }

    @Test
    void theSettingsFileHasALineForEachRowOnlyWhenAskedFor() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        SettingsFile plain = withModels(false, Optional.empty()).settingsFile(zoo);
        assertEquals(List.of("teacher", "c2-h16-s6"), List.copyOf(plain.models().keySet()));
        assertFalse(plain.shared().contains("branched") || plain.shared().contains("prun"), plain.shared());
        SettingsFile both = withModels(true, Optional.of(pruning(0.5))).settingsFile(zoo);
        assertEquals(plain.shared(), both.shared(), "rows share the workspace's part");
        assertEquals(List.of("teacher", "c2-h16-s6", "c2-h16-s6-branched", "teacher-c50-u50"),
                List.copyOf(both.models().keySet()));
        assertNotEquals(both.models().get("teacher-c50-u50"), withModels(false, Optional.of(new PruningRecipe(
                List.of(PruningAmount.uniform(0.5)), PruningCriterion.WEIGHT_L1, Optional.empty(), 3, 1e-3f)))
                .settingsFile(zoo).models().get("teacher-c50-u50"), "the fine-tuning epochs");
        assertEquals(both, SettingsFile.parse(both.text()));
    }

    @Test
    void miningIsASharedSettingOnlyWhenAskedForAndNeedsAugmentedClipsAndNoOtherNegatives() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        SettingsFile plain = withModels(false, Optional.empty()).settingsFile(zoo);
        assertFalse(plain.shared().contains("mining"), plain.shared());
        StreamTrainingRecipe oneRound = new StreamTrainingRecipe(0, 1, 2, 128, 1000, 4);
        SettingsFile mined = mined(oneRound, true).settingsFile(zoo);
        assertTrue(mined.shared().startsWith(plain.shared()), mined.shared());
        assertTrue(mined.shared().contains("miningRounds=1\n"), mined.shared());
        assertNotEquals(mined.shared(), mined(new StreamTrainingRecipe(0, 1, 3, 128, 1000, 4), true)
                .settingsFile(zoo).shared(), "the mining hours");
        assertEquals(plain.models(), mined.models(), "mining trains the same rows");
        assertEquals(plain, mined(StreamTrainingRecipe.NONE, true).settingsFile(zoo), "no rounds: no mining");
        assertEquals("--mining-rounds needs --augment: the negatives are audio, augmented as the other clips",
                assertThrows(IllegalArgumentException.class, () -> mined(oneRound, false)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> mined(new StreamTrainingRecipe(2, 1, 2, 128, 1000, 4), true)).getMessage()
                .startsWith("a cross-validation mines and fine-tunes on streams only"));
        assertEquals("--mining-rounds trains the zoo's rows only: leave out --branched-conv (a run without it "
                + "takes it)", assertThrows(IllegalArgumentException.class, () -> new CrossValidationStage.Settings(
                "sheila", 2, 1, List.of(1L), 1, true, LOSS, 0.1, 10, 1, true, Optional.empty(), oneRound))
                .getMessage());
        assertEquals("--mining-rounds trains the zoo's rows only: leave out --prune (a run without it takes it)",
                assertThrows(IllegalArgumentException.class, () -> new CrossValidationStage.Settings("sheila", 2, 1,
                        List.of(1L), 1, true, LOSS, 0.1, 10, 1, false, Optional.of(PruningPlan.of(pruning(0.5),
                        "teacher")), oneRound)).getMessage());
    }

    @Test
    void theStreamLossIsASharedSettingOnlyWhenAskedForWithItsSequencesAndNoSeed() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        StreamTrainingRecipe oneRound = new StreamTrainingRecipe(0, 1, 2, 128, 1000, 4);
        SettingsFile mined = mined(oneRound, true).settingsFile(zoo);
        assertFalse(mined.shared().contains("streamLoss"), mined.shared());
        StreamTuningOptions loss = StreamTrainingRecipe.streamLoss(StepLoss.MAX_POOL, 3);
        SettingsFile tuned = mined(oneRound.withStreamLoss(loss, StreamSequenceKind.VARIED), true).settingsFile(zoo);
        assertTrue(tuned.shared().startsWith(mined.shared()), tuned.shared());
        assertTrue(tuned.shared().endsWith(" sequences=varied\n") && !tuned.shared().contains("seed="),
                tuned.shared());
        assertNotEquals(tuned, mined(oneRound.withStreamLoss(loss), true).settingsFile(zoo), "the sequences");
        SettingsFile alone = mined(StreamTrainingRecipe.NONE.withStreamLoss(loss), true).settingsFile(zoo);
        assertFalse(alone.shared().contains("mining"), "a stream loss without rounds: " + alone.shared());
        assertEquals("--stream-loss needs --augment: the negatives are audio, augmented as the other clips",
                assertThrows(IllegalArgumentException.class,
                        () -> mined(StreamTrainingRecipe.NONE.withStreamLoss(loss), false)).getMessage());
    }

    @Test
    void aFileOfTheFormerFormReadsAsTheRowsItStandsFor() {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        SettingsFile now = withModels(true, Optional.of(pruning(0.5, 0.3))).settingsFile(zoo);
        String former = now.shared() + "models=" + zoo.stream().map(s -> s.name() + ":" + s.config())
                .collect(Collectors.joining(";")) + "\nbranchedConv=true\npruning=" + pruning(0.5, 0.3).fingerprint()
                + "\n";
        assertEquals(now, SettingsFile.parse(former));
        SettingsFile kd = new CrossValidationStage.Settings("sheila", 2, 1, List.of(1L), 1, true, LOSS, 0.1, 10, 1,
                false, Optional.of(PruningPlan.of(new PruningRecipe(List.of(new PruningAmount(0.75, 0.875)),
                PruningCriterion.ACTIVATION_L1, Optional.of(LOSS), 2, 1e-3f), "teacher"))).settingsFile(zoo);
        String formerKd = kd.shared() + "models=" + zoo.stream().map(s -> s.name() + ":" + s.config())
                .collect(Collectors.joining(";")) + "\npruning=amounts=0.75:0.875 " + new PruningRecipe(
                List.of(PruningAmount.uniform(0.5)), PruningCriterion.ACTIVATION_L1, Optional.of(LOSS), 2, 1e-3f)
                .fineTuning() + "\n";
        assertEquals(kd, SettingsFile.parse(formerKd));
        assertTrue(kd.models().containsKey("teacher-c75-u88-act-kd"), kd.models().toString());
    }

    @Test
    void aFolderGainsRowsButRefusesAModelOrASharedSettingChanged(@TempDir Path dir) throws IOException {
        List<Student> zoo = StudentZoo.select(StudentZoo.standard(), List.of("c2-h16-s6"));
        Path stamp = dir.resolve("crossval.settings");
        SettingsFile first = withModels(false, Optional.of(pruning(0.5))).settingsFile(zoo);
        SettingsFile.claim(stamp, first);
        SettingsFile.claim(stamp, withModels(false, Optional.empty()).settingsFile(zoo));
        assertEquals(first.text(), Files.readString(stamp), "fewer rows: the file keeps them all");
        SettingsFile.claim(stamp, withModels(true, Optional.of(pruning(0.3))).settingsFile(zoo));
        assertEquals(List.of("teacher", "c2-h16-s6", "teacher-c50-u50", "c2-h16-s6-branched", "teacher-c30-u30"),
                List.copyOf(SettingsFile.parse(Files.readString(stamp)).models().keySet()));
        String kept = Files.readString(stamp);
        WorkspaceConflictException model = assertThrows(WorkspaceConflictException.class, () -> SettingsFile.claim(
                stamp, withModels(false, Optional.of(new PruningRecipe(List.of(PruningAmount.uniform(0.5)),
                        PruningCriterion.WEIGHT_L1, Optional.empty(), 3, 1e-3f))).settingsFile(zoo)));
        assertTrue(model.getMessage().startsWith(stamp + ": teacher-c50-u50 was cross-validated here with other "
                + "settings"), model.getMessage());
        WorkspaceConflictException shared = assertThrows(WorkspaceConflictException.class, () -> SettingsFile.claim(
                stamp, settings(3, List.of(1L), 0.1, 10).settingsFile(zoo)));
        assertTrue(shared.getMessage().startsWith(stamp + ": this cross-validation was run with other settings"),
                shared.getMessage());
        assertEquals(kept, Files.readString(stamp), "a refusal changes nothing");
    }

    @Test
    void theSmallestUsableValuesAreTaken() {
        CrossValidationStage.Settings smallest = settings(2, List.of(7L), 0.01, 1);
        assertEquals(List.of(7L), smallest.seeds());
    }
}
