package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import dev.hark.testing.SharedFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the shared real Speech Commands subset; skipped where ../shared is absent ({@link SharedFolder}). */
@Fast
class RealSpeechCommandsTest {
    private static Path root;

    @BeforeAll
    static void locate() {
        root = SharedFolder.require("data/speech-commands");
    }

    @Test
    void countsPerWordMatchTheManifest() throws IOException {
        Map<String, Integer> expected = new TreeMap<>();
        Map<Path, String> speakerOf = new HashMap<>();
        List<String> lines = Files.readAllLines(root.resolve("manifest.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split(",");
            if (!cols[1].startsWith("_")) {
                expected.merge(cols[1], 1, Integer::sum);
                speakerOf.put(root.resolve(cols[0]), cols[2]);
            }
        }
        SpeechCommandsFolder f = SpeechCommandsFolder.load(root);
        assertEquals(expected, f.countsByWord());
        for (ClipFile c : f.clips()) {
            assertEquals(speakerOf.get(c.source()), c.speaker(), c.source().toString());
        }
        assertTrue(f.countsByWord().get("sheila") >= 1);
        assertEquals(6, f.loadBackgroundNoise().size());
    }

    @Test
    void everyClipLoadsAsOneSecond() throws IOException {
        for (ClipFile c : SpeechCommandsFolder.load(root).clips()) {
            assertEquals(16000, c.load().samples().length, c.source().toString());
        }
    }

    @Test
    void splitIsDisjointBySpeakerAndCoversAllSplits() throws IOException {
        Dataset d = Dataset.of(SpeechCommandsFolder.load(root), "sheila");
        Map<String, Split> splitOf = new HashMap<>();
        int total = 0;
        for (Split s : Split.values()) {
            assertFalse(d.clips(s).isEmpty(), s + " is empty");
            for (ClipFile c : d.clips(s)) {
                Split before = splitOf.put(c.speaker(), s);
                assertTrue(before == null || before == s, c.speaker() + " in " + before + " and " + s);
                total++;
            }
        }
        assertEquals(SpeechCommandsFolder.load(root).clips().size(), total);
        // The subset was picked by the unsalted hash; the default (salted) split must still spread it out.
        for (Split s : Split.values()) {
            double share = d.clips(s).size() / (double) total;
            assertTrue(share > (s == Split.TRAIN ? 0.6 : 0.03), s + " holds only " + share + " of the clips");
        }
    }
}
