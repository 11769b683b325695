package dev.hark.trainer.data;

import dev.hark.sim.audio.WavFile;
import dev.hark.sim.io.Executables;
import dev.hark.testing.FolderContents;
import dev.hark.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Slow
class SyntheticCorpusTest {
    @TempDir
    Path tmp;

    private static final List<TtsVoice> TWO_VOICES = List.of(TtsVoice.espeak("en-us", "m3"), TtsVoice.espeak("en-gb-scotland", "f2"));

    private static SyntheticCorpus tiny(long seed) {
        return SyntheticCorpus.builder().seed(seed).keyword("sheila").negativeWords(List.of("she", "shell"))
                .voices(TWO_VOICES).keywordClips(4).clipsPerNegativeWord(2).noiseClips(2).noiseSeconds(2).build();
    }

    private static void assumeEngine(String name) {
        assumeTrue(Executables.isInstalled(name), name + " not installed (run scripts/install-deps)");
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertTrue(Arrays.equals(v, actual.get(k)), k + " differs"));
    }

    @Test
    void tinyCorpusIsReadableDeterministicAndResumable() throws IOException {
        assumeEngine("espeak-ng");
        Path a = tmp.resolve("a");
        CorpusSummary summary = tiny(7).generate(a, ProgressListener.NONE);
        assertEquals(10, summary.clips());
        assertEquals(10, summary.clipsWritten());

        SpeechCommandsFolder folder = SpeechCommandsFolder.load(a);
        assertEquals(Map.of("sheila", 4, "she", 2, "shell", 2, "noise", 2), folder.countsByWord());
        for (ClipFile c : folder.clips()) {
            short[] s = WavFile.read(c.source()); // strict: 16 kHz mono 16-bit
            assertEquals(16000, s.length, c.source().toString());
            if (!c.word().equals("noise")) {
                assertTrue(TWO_VOICES.stream().anyMatch(v -> v.speakerId().equals(c.speaker())), c.speaker());
                int peak = 0;
                for (short v : s) {
                    peak = Math.max(peak, Math.abs(v));
                }
                assertTrue(peak > 32767 * Math.pow(10, -25 / 20.0), "word too quiet in " + c.source());
            }
        }
        List<NoiseRecording> noise = folder.loadBackgroundNoise();
        assertEquals(BackgroundNoise.NAMES.size(), noise.size());
        noise.forEach(n -> assertEquals(2 * 16000, n.samples().length, n.name()));
        assertTrue(Files.isRegularFile(a.resolve("corpus.json")));
        assertEquals(11, Files.readAllLines(a.resolve("manifest.csv")).size());
        assertFalse(Files.exists(a.resolve(SyntheticCorpus.CACHE_DIR)), "TTS cache is removed once complete");
        Map<String, byte[]> first = FolderContents.of(a);

        // Same seed elsewhere: byte-identical corpus, also with another number of threads.
        Path b = tmp.resolve("b");
        SyntheticCorpus.builder().seed(7).keyword("sheila").negativeWords(List.of("she", "shell")).voices(TWO_VOICES)
                .keywordClips(4).clipsPerNegativeWord(2).noiseClips(2).noiseSeconds(2).jobs(1).build()
                .generate(b, ProgressListener.NONE);
        assertSameFiles(first, FolderContents.of(b));

        // A killed build: some clips, a noise recording and the closing files missing, a temporary left over.
        List<ClipFile> clips = folder.clips();
        Files.delete(clips.get(0).source());
        Files.delete(clips.get(5).source());
        Files.delete(clips.get(9).source());
        Files.delete(a.resolve("_background_noise_/babble.wav"));
        Files.delete(a.resolve("manifest.csv"));
        Files.delete(a.resolve("corpus.json"));
        Files.writeString(a.resolve("sheila/.half-written.wav.1234.tmp"), "partial");
        CorpusSummary resumed = tiny(7).generate(a, ProgressListener.NONE);
        assertEquals(3, resumed.clipsWritten());
        assertSameFiles(first, FolderContents.of(a));
    }

    @Test
    void anotherSeedGivesOtherAudio() throws IOException {
        assumeEngine("espeak-ng");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        tiny(1).generate(a, ProgressListener.NONE);
        tiny(2).generate(b, ProgressListener.NONE);
        assertNotEquals(Files.readString(a.resolve("manifest.csv")), Files.readString(b.resolve("manifest.csv")));
    }

    @Test
    void refusesFoldersThatAreNotThisCorpus() throws IOException {
        assumeEngine("espeak-ng");
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> tiny(1).generate(foreign, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith(foreign + ": is not empty"), e.getMessage());

        Path corpus = tmp.resolve("c");
        tiny(1).generate(corpus, ProgressListener.NONE);
        IOException other = assertThrows(IOException.class, () -> tiny(2).generate(corpus, ProgressListener.NONE));
        assertTrue(other.getMessage().contains("another configuration"), other.getMessage());
    }

    @Test
    void missingEngineIsNamedWithTheFix() {
        SyntheticCorpus c = SyntheticCorpus.builder().voices(TWO_VOICES).findOnPath(name -> null).build();
        IOException e = assertThrows(IOException.class, () -> c.generate(tmp.resolve("x"), ProgressListener.NONE));
        assertEquals("TTS engine 'espeak-ng' is not installed (not found on PATH); run scripts/install-deps", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is created before the check");
    }

    @Test
    void fliteAndFestivalVoicesProduceClips() throws IOException {
        assumeEngine("flite");
        assumeEngine("festival");
        List<TtsVoice> voices = List.of(TtsVoice.flite("slt"), TtsVoice.flite("kal16"), TtsVoice.festival("kal_diphone"),
                TtsVoice.festivalHts("cmu_us_slt_arctic_hts", 0.42));
        Path dir = tmp.resolve("engines");
        try {
            SyntheticCorpus.builder().seed(3).negativeWords(List.of("yes")).voices(voices).keywordClips(4)
                    .clipsPerNegativeWord(4).noiseClips(0).noiseSeconds(1).build().generate(dir, ProgressListener.NONE);
        } catch (IOException e) {
            assumeTrue(!e.getMessage().contains("is not installed"), e.getMessage());
            throw e;
        }
        SpeechCommandsFolder f = SpeechCommandsFolder.load(dir);
        assertEquals(Map.of("sheila", 4, "yes", 4), f.countsByWord());
        assertEquals(4, f.clips().stream().map(ClipFile::speaker).distinct().count(), "each voice speaks once per word");
        for (ClipFile c : f.clips()) {
            assertEquals(16000, c.load().samples().length);
        }
    }
}
