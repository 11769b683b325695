package dev.hark.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hark.sim.io.Executables;
import dev.hark.testing.FolderContents;
import dev.hark.testing.KillableRun;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real corpus build with SIGKILL at three points (background noise half written, clips half written, all
 * clips written but no manifest), resuming after each kill in a new JVM, and checks that the corpus ends
 * byte-identical to one built without interruption. Each build stops at its point and waits there
 * ({@link CorpusRunMain}), so every kill lands at the same point.
 */
@Slow
class CorpusKillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void aBuildKilledAtEachPointResumesToTheSameCorpus() throws Exception {
        assumeTrue(Executables.isInstalled("espeak-ng"), "espeak-ng not installed (run scripts/install-deps)");
        Path reference = dir.resolve("straight");
        assertEquals(0, start(reference, dir.resolve("straight.log"), List.of()).waitFor(),
                KillableRun.log(dir.resolve("straight.log")));

        Path corpus = dir.resolve("killed");
        killAt(corpus, "generating background noise", 2);
        assertEquals(List.of(2, 0), wavFiles(corpus), "background recordings, clips");
        killAt(corpus, "synthesizing clips", 3);
        assertEquals(List.of(BackgroundNoise.NAMES.size(), 3), wavFiles(corpus), "background recordings, clips");
        killAt(corpus, "writing manifest", 0);
        assertFalse(Files.exists(corpus.resolve("corpus.json")), "the killed build did not finish");

        Process resumed = start(corpus, dir.resolve("resumed.log"), List.of());
        assertEquals(0, resumed.waitFor(), KillableRun.log(dir.resolve("resumed.log")));
        Map<String, byte[]> expected = FolderContents.of(reference);
        Map<String, byte[]> actual = FolderContents.of(corpus);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, bytes) -> assertTrue(Arrays.equals(bytes, actual.get(file)), file + " differs"));
    }

    /** Runs a build into {@code corpus} that stops at the point, checks it stopped there, and kills it. */
    private void killAt(Path corpus, String phase, int done) throws Exception {
        Path logFile = dir.resolve("killed-" + phase.replace(' ', '-') + ".log");
        KillableRun.killAtItsStop(start(corpus, logFile, List.of(phase, Integer.toString(done))),
                CorpusRunMain.stopLine(phase, done), logFile);
    }

    /** Starts {@link CorpusRunMain} in a new JVM ({@link KillableRun#start}). */
    private static Process start(Path corpus, Path logFile, List<String> stop) throws IOException {
        return KillableRun.start(logFile, stop, CorpusRunMain.class.getName(), corpus.toString());
    }

    /** The number of background recordings and of clips (in a word's folder) in the folder; not the TTS cache. */
    private static List<Integer> wavFiles(Path folder) throws IOException {
        int background = 0;
        int clips = 0;
        for (String file : FolderContents.of(folder).keySet()) {
            String[] parts = file.split("/");
            if (parts.length != 2 || !file.endsWith(".wav") || parts[0].equals(SyntheticCorpus.CACHE_DIR)) {
                continue;
            }
            if (parts[0].equals(SpeechCommandsFolder.BACKGROUND_NOISE)) {
                background++;
            } else {
                clips++;
            }
        }
        return List.of(background, clips);
    }
}
