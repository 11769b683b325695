package dev.hark.trainer.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Slow;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.RunDirectory;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.ToyProblem;
import dev.hark.trainer.train.ToyTraining;
import dev.hark.trainer.train.TrainingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class DistillerTest {
    private static final TensorQuant QUANT = ToyProblem.QUANT;
    private static final long SEED = 4;
    private static final CrnnConfig TEACHER = CrnnConfig.builder().optConvChannels(4).optGruHidden(16)
            .optGruLayers(1).build();
    /** The report's smallest student: kernel 5 (mel) x 20 (frames), stride 2 x 6, 2 channels, hidden 16. */
    private static final CrnnConfig STUDENT_A = CrnnConfig.builder().optConvChannels(2).optKernelMel(5)
            .optKernelTime(20).optStrideMel(2).optStrideTime(6).optGruHidden(16).optGruLayers(1).build();
    private static final CrnnConfig STUDENT_B = CrnnConfig.builder().optConvChannels(2).optGruHidden(8)
            .optGruLayers(2).optAttention(false).build();
    private static final List<Example> TRAIN = ToyProblem.clips(TEACHER, 640, 0.5, 1);
    private static final List<Example> DEV = ToyProblem.clips(TEACHER, 160, 0.5, 2);
    /** Trained, saved and loaded again: a teacher as the CLI gets it, never attached to a trainer here. */
    private static SavedCrnn teacher;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTeacher() throws IOException {
        Path saved = Files.createTempDirectory("hark-teacher");
        try (TrainedCrnn trained = ToyTraining.trainNew(TEACHER, TRAIN, DEV, 3, SEED)) {
            CrnnModelStore.save(trained.model(), QUANT, saved.resolve("model"));
        }
        teacher = CrnnModelStore.load(saved.resolve("model"));
    }

    @AfterAll
    static void closeTeacher() {
        teacher.close();
    }

    @Test
    void studentsOfOtherShapesLearnFromTheTeacherWhichStaysUntouched() {
        List<float[]> before = parameters(teacher.model());
        try (TrainedCrnn a = Distiller.distill(teacher.model(), STUDENT_A, TrainingFeatures.of(TRAIN), DEV, QUANT,
                options(3, null), DistillationOptions.defaults())) {
            assertEquals(3117, a.config().parameterCount());
            assertBeyondChance("student A", a.result().best());
            // Two-stage: A teaches B (2 GRU layers, no attention; the last step alone learns slower, hence more
            // epochs).
            try (TrainedCrnn b = Distiller.distill(a.model(), STUDENT_B, TrainingFeatures.of(TRAIN), DEV, QUANT,
                    options(6, null), new DistillationOptions(2f, 0.5f, 0.5f))) {
                assertBeyondChance("student B", b.result().best());
            }
        }
        List<float[]> after = parameters(teacher.model());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "teacher parameter " + i + " changed");
        }
        for (Pair<String, Parameter> p : teacher.model().getBlock().getParameters()) {
            assertFalse(p.getValue().getArray().hasGradient(), p.getKey() + " is attached to a gradient");
        }
    }

    @Test
    void theTeacherChangesTheStudent() {
        // Same student, same seed, soft term only vs. hard term only: different training signal, different model.
        try (TrainedCrnn soft = Distiller.distill(teacher.model(), STUDENT_A, TrainingFeatures.of(TRAIN), DEV, QUANT,
                options(1, null), new DistillationOptions(4f, 1f, 0f));
             TrainedCrnn hard = Distiller.distill(teacher.model(), STUDENT_A, TrainingFeatures.of(TRAIN), DEV, QUANT,
                     options(1, null), new DistillationOptions(4f, 0f, 1f))) {
            assertFalse(java.util.Arrays.equals(parameters(soft.model()).get(0), parameters(hard.model()).get(0)));
        }
    }

    @Test
    void aStudentRunResumesFromItsCheckpoint() throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve("student"));
        ToyTraining.assertResumesWithoutItsLastCheckpoint(run, 3, () -> Distiller.distill(teacher.model(), STUDENT_A,
                TrainingFeatures.of(TRAIN), DEV, QUANT, options(3, run.root()), DistillationOptions.defaults()));
        // Another temperature is another run: its checkpoints are not reused.
        assertThrows(java.io.UncheckedIOException.class, () -> Distiller.distill(teacher.model(), STUDENT_A,
                TrainingFeatures.of(TRAIN), DEV, QUANT, options(3, run.root()), new DistillationOptions(2f, 0.7f,
                        0.3f)).close());
    }

    @Test
    void rejectsAStudentForOtherInput() {
        CrnnConfig other = STUDENT_A.toBuilder().optMels(32).build();
        assertThrows(IllegalArgumentException.class, () -> Distiller.distill(teacher.model(), other,
                TrainingFeatures.of(TRAIN), DEV, QUANT, options(1, null), DistillationOptions.defaults()));
    }

    private static TrainingOptions options(int epochs, Path runDir) {
        return ToyTraining.options(epochs, SEED, runDir);
    }

    private static List<float[]> parameters(Model model) {
        return ToyTraining.parameters(model);
    }

    private static void assertBeyondChance(String student, EpochStats best) {
        ToyTraining.assertBeyondChance(student, DEV, best);
    }
}
