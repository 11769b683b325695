package dev.hark.pipeline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.evaluate.SmallData;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.testing.FolderContents;
import dev.hark.testing.KillableRun;
import dev.hark.testing.Slow;
import dev.hark.trainer.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the feature stage with SIGKILL at three points (inside the train split, between the train and the dev split,
 * inside the test split), rerunning it in a new JVM after each kill, and checks that the workspace ends byte-identical
 * to one the stage filled without interruption. Each run stops after a given line of its log and waits there
 * ({@link FeatureRunMain}), so every kill lands at the same point.
 */
@Slow
class FeatureKillAndResumeTest {
    /** Two clips of each of the three words per speaker. */
    private static final int CLIPS_PER_WORD = 2;
    private static final int WORDS = 1 + SmallData.OTHER_WORDS.size();

    @TempDir
    Path dir;

    @Test
    void aStageKilledAtEachPointResumesToTheSameFeatures() throws Exception {
        List<String> speakers = new ArrayList<>(SmallData.speakers(Split.TRAIN, 2));
        speakers.addAll(SmallData.speakers(Split.DEV, 1));
        speakers.addAll(SmallData.speakers(Split.TEST, 1));
        Path data = SmallData.folder(dir.resolve("data"), speakers, CLIPS_PER_WORD, 4, 3);
        int trainClips = 2 * WORDS * CLIPS_PER_WORD;
        int otherClips = WORDS * CLIPS_PER_WORD;

        Path straight = dir.resolve("straight");
        assertEquals(0, start(straight, data, dir.resolve("straight.log"), List.of()).waitFor(),
                KillableRun.log(dir.resolve("straight.log")));

        Workspace killed = new Workspace(dir.resolve("killed"));
        killAfter(killed.root(), data, "features train 3/" + trainClips);
        assertEquals(List.of(), files(killed.root()), "nothing written inside the first split");
        killAfter(killed.root(), data, "features dev 0/" + otherClips);
        assertTrue(Files.exists(killed.features(Split.TRAIN)), "the train split is written before the dev split");
        killAfter(killed.root(), data, "features test 2/" + otherClips);
        assertTrue(Files.exists(killed.features(Split.DEV)) && !Files.exists(killed.features(Split.TEST))
                && !Files.exists(killed.trainingSpeakers()), "killed inside the test split: " + files(killed.root()));

        Process resumed = start(killed.root(), data, dir.resolve("resumed.log"), List.of());
        assertEquals(0, resumed.waitFor(), KillableRun.log(dir.resolve("resumed.log")));
        Map<String, byte[]> expected = FolderContents.of(straight);
        Map<String, byte[]> actual = FolderContents.of(killed.root());
        assertEquals(expected.keySet(), actual.keySet());
        // The speakers' hashes are salted afresh in every workspace: that file is compared by the speakers it holds.
        String speakersFile = straight.relativize(new Workspace(straight).trainingSpeakers()).toString();
        expected.forEach((file, bytes) -> assertTrue(file.equals(speakersFile)
                || Arrays.equals(bytes, actual.get(file)), file + " differs"));
        TrainingSpeakers learnedFrom = TrainingSpeakersFile.read(killed.trainingSpeakers());
        for (String speaker : speakers) {
            assertEquals(TrainingSpeakersFile.read(new Workspace(straight).trainingSpeakers()).contains(speaker),
                    learnedFrom.contains(speaker), speaker);
        }
    }

    /** Runs the stage into {@code workspace}, checks that it stopped after {@code line}, and kills it. */
    private void killAfter(Path workspace, Path data, String line) throws Exception {
        Path logFile = dir.resolve("killed-" + line.replaceAll("[^a-z0-9]+", "-") + ".log");
        KillableRun.killAtItsStop(start(workspace, data, logFile, List.of(line)), KillableRun.stopLine(line),
                logFile);
    }

    /** Starts {@link FeatureRunMain} in a new JVM ({@link KillableRun#start}). */
    private static Process start(Path workspace, Path data, Path logFile, List<String> stop) throws IOException {
        return KillableRun.start(logFile, stop, FeatureRunMain.class.getName(), workspace.toString(),
                data.toString());
    }

    private static List<String> files(Path folder) throws IOException {
        return Files.exists(folder) ? List.copyOf(FolderContents.of(folder).keySet()) : List.of();
    }
}
