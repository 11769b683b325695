package dev.hark.trainer.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.trainer.data.Clip;
import dev.hark.testing.Fast;
import dev.hark.testing.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class ClipFolderTest {
    @TempDir
    Path dir;

    private static short[] noise(int samples, long seed) {
        return TestAudio.noise(samples, 3000, seed);
    }

    @Test
    void wavClipsGetTrainingsFeaturesAndFeatureFilesAreTakenAsTheyAre() throws Exception {
        short[] short8000 = noise(8000, 1);
        WavFile.write(dir.resolve("b.wav"), short8000);
        byte[] raw = new byte[101 * 40];
        new Random(2).nextBytes(raw);
        Files.write(dir.resolve("a.features"), raw);
        Files.writeString(dir.resolve("notes.txt"), "not a clip");

        List<ClipFolder.NamedFeatures> clips = ClipFolder.read(dir, 101, 40);

        assertEquals(List.of("a.features", "b.wav"), clips.stream().map(ClipFolder.NamedFeatures::id).toList());
        assertArrayEquals(raw, clips.get(0).features());
        assertArrayEquals(new LogMelFrontend().compute(Clip.fitCentered(short8000, Clip.LENGTH)),
                clips.get(1).features());
    }

    @Test
    void clipsThatDoNotFitTheNetworkAreNamed() throws Exception {
        Files.write(dir.resolve("short.features"), new byte[10]);
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ClipFolder.read(dir, 30, 12));
        assertEquals(dir.resolve("short.features") + ": 10 bytes, the network takes 30 frames x 12 mel bins = 360"
                + " int8 features", size.getMessage());

        Files.delete(dir.resolve("short.features"));
        WavFile.write(dir.resolve("a.wav"), noise(16000, 3));
        IllegalArgumentException wav = assertThrows(IllegalArgumentException.class,
                () -> ClipFolder.read(dir, 30, 12));
        assertEquals(dir.resolve("a.wav") + ": a WAV clip gives 101 frames x 40 mel bins of features, the network"
                + " takes 30 x 12; give its features as a .features file", wav.getMessage());
    }

    @Test
    void aWavOfAnotherFormatIsNamed() throws Exception {
        WavFile.write(dir.resolve("fast.wav"), new PcmAudio(noise(800, 4), 8000));
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> ClipFolder.read(dir, 101, 40));
        assertEquals(dir.resolve("fast.wav") + ": sample rate is 8000 Hz, expected 16000 Hz", e.getMessage());
    }

    @Test
    void aMissingOrEmptyFolderIsNamed() {
        Path absent = dir.resolve("absent");
        assertEquals(absent + ": no such folder of clips", assertThrows(IllegalArgumentException.class,
                () -> ClipFolder.read(absent, 101, 40)).getMessage());
        assertEquals(dir + ": no clips (.wav or .features files)", assertThrows(IllegalArgumentException.class,
                () -> ClipFolder.read(dir, 101, 40)).getMessage());
    }
}
