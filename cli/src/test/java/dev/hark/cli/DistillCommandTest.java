package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.pipeline.distill.Student;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark distill --rounding} through the real command line on a tiny corpus, one epoch: every model of the zoo
 * is quantized for the rounding asked, and a rerun with the other rounding quantizes the finished float models again
 * without training them.
 */
@Slow
class DistillCommandTest {
    @TempDir
    Path dir;

    @Test
    void aRerunWithTheOtherRoundingQuantizesTheFinishedModelsAgainWithoutTraining() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"));
        Path work = dir.resolve("work");
        List<String> common = List.of("distill", "--data", data.toString(), "--keyword", TinySpeechCommands.KEYWORD,
                "-w", work.toString(), "--epochs", "1", "--no-augment");
        CliRunner.Run first = CliRunner.run(common.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("int8 models quantized for double rounding"), first.out());

        List<Student> zoo = StudentZoo.standard();
        Path distill = work.resolve("distill");
        Map<String, FileTime> checkpoints = new HashMap<>();
        for (Student student : zoo) {
            Path runDir = distill.resolve(student.directoryName());
            assertEquals(Rounding.DOUBLE, ModelFile.read(runDir.resolve("model.hark")).rounding(), student.name());
            Path checkpoint = runDir.resolve("checkpoints").resolve("epoch-0001.ckpt");
            checkpoints.put(student.name(), Files.getLastModifiedTime(checkpoint));
        }

        List<String> single = new ArrayList<>(common);
        single.addAll(List.of("--rounding", "single"));
        CliRunner.Run again = CliRunner.run(single.toArray(String[]::new));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("int8 models quantized for single rounding"), again.out());
        assertFalse(again.err().contains("epoch 1/1"), "no model trains again:\n" + again.err());
        for (Student student : zoo) {
            Path runDir = distill.resolve(student.directoryName());
            assertEquals(Rounding.SINGLE, ModelFile.read(runDir.resolve("model.hark")).rounding(), student.name());
            assertEquals(checkpoints.get(student.name()), Files.getLastModifiedTime(runDir.resolve("checkpoints")
                    .resolve("epoch-0001.ckpt")), student.name() + "'s checkpoint is reused");
        }
    }

    @Test
    void studentsNamesTheModelsToTrainAndTheModelsThatTeachThem() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"));
        Path work = dir.resolve("work");
        CliRunner.Run run = CliRunner.run("distill", "--data", data.toString(), "--keyword",
                TinySpeechCommands.KEYWORD, "-w", work.toString(), "--epochs", "1", "--no-augment", "--students",
                "c2-h16-s6<-c4-h32");
        assertEquals(0, run.exitCode(), run.err());
        try (var trained = Files.list(work.resolve("distill"))) {
            assertEquals(Set.of("teacher", "c4-h32", "c2-h16-s6-from-c4-h32"), trained.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString()).collect(Collectors.toSet()));
        }
        assertTrue(run.out().contains("| c2-h16-s6<-c4-h32 |"), run.out());
        assertFalse(run.out().contains("| c2-h16-s6 |"), run.out());
    }

    @Test
    void aStudentNotInTheZooIsRefusedNamingTheOptionBeforeAnyWork() {
        Path work = dir.resolve("work");
        CliRunner.Run run = CliRunner.run("distill", "-w", work.toString(), "--students", "c3-h7");
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertTrue(run.err().startsWith("hark: --students: no model 'c3-h7' in the student zoo"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(work.resolve("distill")), "nothing trained");
    }

    @Test
    void miningIsOffByDefaultAndRefusedWithoutAugmentationNamingTheOption() {
        assertEquals(0, new DistillCommand().miningRounds, "one round did not help the smallest students");
        Path work = dir.resolve("work");
        CliRunner.Run run = CliRunner.run("distill", "-w", work.toString(), "--no-augment", "--mining-rounds", "1");
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertTrue(run.err().startsWith("hark: --mining-rounds needs --augment"), run.err());
        assertFalse(Files.exists(work.resolve("distill")), "nothing trained");
    }
}
