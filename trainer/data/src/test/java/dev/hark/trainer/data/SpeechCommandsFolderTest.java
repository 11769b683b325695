package dev.hark.trainer.data;

import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.audio.WavFile;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class SpeechCommandsFolderTest {
    @TempDir
    Path root;

    private void wav(String relative, int samples) throws IOException {
        short[] s = new short[samples];
        java.util.Arrays.fill(s, (short) 7);
        WavFile.write(root.resolve(relative), s);
    }

    @Test
    void listsWordsAndSpeakersAndKeepsNoiseApart() throws IOException {
        wav("yes/aaaa1111_nohash_0.wav", 16000);
        wav("yes/aaaa1111_nohash_1.wav", 16000);
        wav("yes/bbbb2222_nohash_0.wav", 16000);
        wav("sheila/cccc3333_nohash_0.wav", 12000);
        wav("_background_noise_/hum.wav", 48000);
        wav("_silence_/testv002_1.wav", 16000);
        Files.writeString(root.resolve("manifest.csv"), "file,word\n");
        Files.writeString(root.resolve("yes/README.md"), "not audio");

        SpeechCommandsFolder f = SpeechCommandsFolder.load(root);
        assertEquals(Map.of("sheila", 1, "yes", 3), f.countsByWord());
        ClipFile first = f.clips().get(0);
        assertEquals("sheila", first.word());
        assertEquals("cccc3333", first.speaker());
        assertEquals(List.of("aaaa1111", "aaaa1111", "bbbb2222"), f.clips("yes").stream().map(ClipFile::speaker).toList());

        Clip padded = first.load();
        assertEquals(16000, padded.samples().length);
        assertEquals(0, padded.samples()[0]);
        assertEquals(7, padded.samples()[8000]);

        List<NoiseRecording> noise = f.loadBackgroundNoise();
        assertEquals(1, noise.size());
        assertEquals("hum", noise.get(0).name());
        assertEquals(48000, noise.get(0).samples().length);
    }

    @Test
    void missingFolderIsNamed() {
        Path missing = root.resolve("nope");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SpeechCommandsFolder.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(root.resolve("f.txt"), "x");
        assertThrows(NotDirectoryException.class, () -> SpeechCommandsFolder.load(file));
    }

    @Test
    void folderWithoutClipsIsRejected() throws IOException {
        wav("_background_noise_/hum.wav", 100);
        Files.createDirectories(root.resolve("yes"));
        IOException e = assertThrows(IOException.class, () -> SpeechCommandsFolder.load(root));
        assertTrue(e.getMessage().startsWith(root + ": no <word>/<speaker>_nohash_<n>.wav files"), e.getMessage());
    }

    @Test
    void badClipNameIsRejectedWithItsPath() throws IOException {
        wav("yes/recording.wav", 16000);
        IOException e = assertThrows(IOException.class, () -> SpeechCommandsFolder.load(root));
        assertTrue(e.getMessage().startsWith(root.resolve("yes/recording.wav") + ": "), e.getMessage());
    }

    @Test
    void wrongSampleRateSurfacesOnLoad() throws IOException {
        WavFile.write(root.resolve("yes/aaaa_nohash_0.wav"), new dev.hark.sim.audio.PcmAudio(new short[8000], 8000));
        ClipFile c = SpeechCommandsFolder.load(root).clips().get(0);
        AudioFormatException e = assertThrows(AudioFormatException.class, c::load);
        assertTrue(e.getMessage().contains("8000 Hz"), e.getMessage());
    }
}
