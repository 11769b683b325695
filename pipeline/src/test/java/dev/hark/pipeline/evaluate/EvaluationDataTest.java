package dev.hark.pipeline.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.audio.AudioReading;
import dev.hark.sim.audio.WavFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.augment.NoisePartition;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class EvaluationDataTest {
    @TempDir
    Path dir;

    private Path wav(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        WavFile.write(file, SmallData.clip(new Random(1), false));
        return file;
    }

    @Test
    void aFolderGivesItsClipsAndItsBackgroundRecordings() throws Exception {
        Path folder = SmallData.folder(dir.resolve("f"), List.of("a1", "b2"), 1, 3, 1);
        EvaluationData data = EvaluationData.read(folder, SmallData.KEYWORD);
        assertEquals(6, data.clips().size());
        assertEquals(2, data.keywordClips());
        assertEquals(1, data.background().size());
        assertEquals(folder, data.root());
    }

    @Test
    void aCsvListGivesPathsRelativeToItselfAndSpeakersFromTheColumnOrTheFileName() throws Exception {
        wav("clips/one.wav");
        wav("clips/x7_nohash_0.wav");
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "path,label,speaker\nclips/one.wav,sheila,anna\nclips/x7_nohash_0.wav,wow\n");
        EvaluationData data = EvaluationData.read(csv, "sheila");
        assertEquals(List.of(new ClipFile(dir.resolve("clips/one.wav").toAbsolutePath(), "sheila", "anna"),
                new ClipFile(dir.resolve("clips/x7_nohash_0.wav").toAbsolutePath(), "wow", "x7")), data.clips());
        assertTrue(data.background().isEmpty());
    }

    @Test
    void aSplitKeepsItsSpeakersClipsAndItsTimePortionOfTheBackground() throws Exception {
        List<String> test = SmallData.speakers(Split.TEST, 2);
        List<String> speakers = new java.util.ArrayList<>(test);
        speakers.addAll(SmallData.speakers(Split.TRAIN, 3));
        Path folder = SmallData.folder(dir.resolve("f"), speakers, 1, 10, 1);
        EvaluationData all = EvaluationData.read(folder, SmallData.KEYWORD);
        EvaluationData data = EvaluationData.read(folder, SmallData.KEYWORD, AudioReading.STRICT,
                Optional.of(Split.TEST));
        assertEquals(Optional.of(Split.TEST), data.split());
        assertEquals(all.clips().stream().filter(c -> test.contains(c.speaker())).toList(), data.clips());
        assertEquals(6, data.clips().size());
        short[] whole = all.background().get(0).samples();
        assertArrayEquals(NoisePartition.portion(whole, Split.TEST), data.background().get(0).samples());
        assertEquals(whole.length / 10, data.background().get(0).samples().length);
    }

    @Test
    void aSplitNeedsEveryClipsSpeaker() throws Exception {
        wav("clips/one.wav");
        wav("clips/two.wav");
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "clips/one.wav,sheila,anna\nclips/two.wav,wow\n");
        IOException e = assertThrows(IOException.class, () -> EvaluationData.read(csv, "sheila",
                AudioReading.STRICT, Optional.of(Split.TEST)));
        assertEquals(dir.resolve("clips/two.wav").toAbsolutePath() + ": no speaker (a Speech Commands name or the"
                + " list's speaker column), which --split needs to place the clip", e.getMessage());
    }

    private void assertRefused(Path data, String keyword, String... fragments) {
        IOException e = assertThrows(IOException.class, () -> EvaluationData.read(data, keyword));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aCsvRowWithoutItsLabelIsNamedByLine() throws Exception {
        wav("a.wav");
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "a.wav,sheila\na.wav\n");
        assertRefused(csv, "sheila", csv + ":2", "missing the label column");
    }

    @Test
    void aCsvRowOfAMissingFileIsNamed() throws Exception {
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "gone.wav,sheila\n");
        assertRefused(csv, "sheila", csv + ":1", "gone.wav", "no such file");
    }

    @Test
    void dataWithoutKeywordClipsOrWithoutOtherClipsIsRefused() throws Exception {
        wav("a.wav");
        Path onlyOthers = dir.resolve("others.csv");
        Files.writeString(onlyOthers, "a.wav,wow\n");
        assertRefused(onlyOthers, "sheila", onlyOthers.toString(), "no clips of the keyword 'sheila'");
        Path onlyKeywords = dir.resolve("keywords.csv");
        Files.writeString(onlyKeywords, "a.wav,sheila\n");
        assertRefused(onlyKeywords, "sheila", onlyKeywords.toString(), "no clips other than the keyword");
    }

    @Test
    void neitherAFolderNorACsvIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        assertRefused(text, "sheila", text.toString(), "neither a folder");
        assertRefused(dir.resolve("absent"), "sheila", "absent", "no such folder or file");
    }
}
