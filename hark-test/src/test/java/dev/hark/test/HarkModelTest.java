package dev.hark.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.audio.WavFile;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.StreamingFrontend;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class HarkModelTest {
    @TempDir
    Path dir;

    @Test
    void aModelFileIsReadAndSimulatesWhatTheSimulatorDoes() throws IOException {
        Path file = dir.resolve("tiny.hark");
        ModelFile.write(RandomModels.tiny(5), file);
        HarkModel model = HarkModel.load(file);
        byte[] clip = RandomModels.features(model.quantized(), 1, 6).get(0);

        assertArrayEquals(new NetworkSimulator(RandomModels.tiny(5)).run(clip).output(),
                model.simulate(clip).output());
        assertEquals(model.quantized().info().name() + " (" + file + ")", model.describe());
    }

    @Test
    void aMissingOrBrokenModelFileIsNamed() throws IOException {
        Path missing = dir.resolve("missing.hark");
        assertTrue(assertThrows(IOException.class, () -> HarkModel.load(missing)).getMessage()
                .contains(missing.toString()));
        Path broken = Files.writeString(dir.resolve("broken.hark"), "not a model");
        assertTrue(assertThrows(IOException.class, () -> HarkModel.load(broken)).getMessage()
                .contains(broken.toString()));
    }

    @Test
    void aClipOfAnotherSizeIsRefusedNamingTheModelsInput() {
        HarkModel model = HarkModel.of(RandomModels.tiny(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.simulate(new byte[7]));
        assertEquals(model.describe() + " takes 30 frames x 12 mel bins = 360 int8 features, got 7", e.getMessage());
    }

    @Test
    void aFolderOfClipsIsReadInFileNameOrder() throws IOException {
        HarkModel model = HarkModel.of(RandomModels.tiny(5));
        List<byte[]> features = RandomModels.features(model.quantized(), 2, 7);
        Files.write(dir.resolve("b.features"), features.get(0));
        Files.write(dir.resolve("a.features"), features.get(1));

        var clips = model.clips(dir);

        assertEquals(List.of("a.features", "b.features"), clips.stream().map(c -> c.id()).toList());
        assertArrayEquals(features.get(1), clips.get(0).features());
    }

    @Test
    void listeningKeepsEveryFrameStepAndDetectionOfTheStream() throws IOException {
        HarkModel model = HarkModel.of(TestModels.student());
        short[] pcm = TestModels.audio(3, 8);
        DetectionSettings settings = TestModels.firingNowAndThen(model, pcm);

        Listening heard = model.listen(pcm, settings);

        // The front end's frames; a network step every 6 frames (the stride) once 20 (the kernel) have come.
        int frames = new StreamingFrontend().push(pcm, 0, pcm.length).length / FrontendConfig.MEL_BINS;
        assertEquals(frames, heard.frames().size());
        assertEquals(1 + (frames - 20) / 6, heard.steps().size());
        assertFalse(heard.detections().isEmpty(), "the median threshold fires now and then");
        for (KeywordEvent detection : heard.detections()) {
            int score = heard.scores().get((int) detection.step());
            assertTrue(score >= settings.threshold(), detection + " below " + settings.threshold());
        }
        assertEquals(3.0, heard.seconds());
        assertEquals(settings, heard.settings());
    }

    @Test
    void aWavFileIsHeardAsItsSamples() throws IOException {
        HarkModel model = HarkModel.of(TestModels.student());
        short[] pcm = TestModels.audio(2, 9);
        Path wav = dir.resolve("stream.wav");
        WavFile.write(wav, pcm);

        assertEquals(model.listen(pcm).detections(), model.listen(wav).detections());
        assertEquals(model.listen(pcm).frames().size(), model.listen(wav).frames().size());
    }

    @Test
    void aModelOfAnotherFrontEndCannotListen() {
        HarkModel model = HarkModel.of(RandomModels.tiny(5));
        assertThrows(IllegalArgumentException.class, () -> model.listen(new short[16_000]));
    }
}
