package dev.hark.pipeline.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.frontend.StreamingFrontend;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java listener over a WAV file: its steps, detections, score trace and chart, and the settings' defaults. */
@Fast
class ListenStageTest {
    @TempDir
    Path dir;

    /** A step every 4 frames (40 ms), attention over the clip's 11 steps. */
    static QuantizedModel model() {
        return RandomModels.listening(21);
    }

    /** Seconds of noise bursts, tones and silence, a fixed function of the seed. */
    static short[] audio(int seconds, long seed) {
        Random random = new Random(seed);
        short[] samples = new short[seconds * 16_000];
        for (int i = 0; i < samples.length; i++) {
            int part = i / 4000 % 3;
            samples[i] = (short) (part == 0 ? random.nextGaussian() * 4000
                    : part == 1 ? 6000 * Math.sin(i * 0.07) : 0);
        }
        return samples;
    }

    @Test
    void listensToAWavFileAndWritesItsScoreTraceAndChart() throws Exception {
        QuantizedModel model = model();
        Path wav = dir.resolve("speech.wav");
        WavFile.write(wav, audio(3, 1));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        short[] samples = ListenStage.readWav(wav, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(48_000, samples.length);
        assertEquals("", log.toString(StandardCharsets.UTF_8), "a 16 kHz file is read as it is");

        // The highest smoothed score as the threshold: the first step that reaches it fires.
        ListeningSettings defaults = ListeningSettings.defaults(model);
        int top = ListenStage.listen(model, defaults, samples).steps().stream()
                .mapToInt(ListenStage.StepScore::smoothedScore).max().orElseThrow();
        ListeningSettings settings = defaults.withThreshold(Math.max(1, top));
        ListenStage.Heard heard = ListenStage.listen(model, settings, samples);

        assertEquals(StreamingFrontend.framesReady(samples.length), heard.frames());
        assertFalse(heard.detections().isEmpty(), "the threshold is reached");
        for (int s = 0; s < heard.steps().size(); s++) {
            ListenStage.StepScore step = heard.steps().get(s);
            assertEquals(s, step.step());
            assertEquals(StreamingFrontend.samplesForFrame(8 - 1 + 4L * s), step.sample(),
                    "a step runs once its kernel's last frame is complete, every 4 frames");
        }
        for (KeywordEvent event : heard.detections()) {
            ListenStage.StepScore step = heard.steps().get((int) event.step());
            assertEquals(step.smoothedScore(), event.score());
            assertEquals(step.sample(), event.sample());
            assertTrue(event.score() >= settings.detection().threshold());
        }

        ListenStage.Written written = ListenStage.write(heard, wav, dir.resolve("out"));
        List<String> lines = Files.readAllLines(written.trace());
        assertEquals("step,sample,seconds,score,smoothed_score,detection", lines.get(0));
        assertEquals(heard.steps().size() + 1, lines.size());
        Set<Long> fired = heard.detections().stream().map(KeywordEvent::step).collect(Collectors.toSet());
        for (ListenStage.StepScore step : heard.steps()) {
            String[] cells = lines.get((int) step.step() + 1).split(",");
            assertEquals(step.step(), Long.parseLong(cells[0]));
            assertEquals(step.sample(), Long.parseLong(cells[1]));
            assertEquals(step.sample() / 16_000.0, Double.parseDouble(cells[2]), 0.5e-4);
            assertEquals(step.score(), Integer.parseInt(cells[3]));
            assertEquals(step.smoothedScore(), Integer.parseInt(cells[4]));
            assertEquals(fired.contains(step.step()) ? "1" : "0", cells[5], "step " + step.step());
        }
        BufferedImage chart = ImageIO.read(written.chart().toFile());
        assertEquals(1000, chart.getWidth());
        assertEquals(500, chart.getHeight());
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(Set.of("speech-scores.csv", "speech-scores.png"),
                    files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()), "nothing else, no leftovers");
        }
    }

    @Test
    void theSummaryCountsTheDetectionsAndNamesTheHighestScore() {
        QuantizedModel model = model();
        ListenStage.Heard heard = ListenStage.listen(model, ListeningSettings.defaults(model).withThreshold(1)
                .withSmoothingSteps(1).withRefractorySteps(0), audio(1, 2));
        long nonZero = heard.steps().stream().filter(s -> s.score() > 0).count();
        assertEquals(nonZero, heard.detections().size(), "every step fires at threshold 1 unless its score is 0");
        assertTrue(heard.summary().startsWith(nonZero + " detections in 1.00 s; highest smoothed score "),
                heard.summary());
        assertTrue(heard.describe().startsWith("1.00 s of audio: 99 frames, " + heard.steps().size()
                + " steps of 40 ms; attention window 11 steps; smoothing 1 steps, threshold 1, refractory 0 steps"),
                heard.describe());
        assertEquals("detection at 0.123 s: step 4, score 200 (log-odds 4.50)",
                ListenStage.describe(new KeywordEvent(4, 1970, 200)));
    }

    @Test
    void audioShorterThanAStepMakesNone() {
        QuantizedModel model = model();
        ListenStage.Heard heard = ListenStage.listen(model, ListeningSettings.defaults(model), new short[1000]);
        assertEquals(List.of(), heard.steps());
        assertTrue(heard.summary().endsWith("the audio is shorter than one step"), heard.summary());
    }

    @Test
    void otherRatesAreResampledAndSaidSo() throws Exception {
        Path wav = dir.resolve("phone.wav");
        WavFile.write(wav, new PcmAudio(new short[8_000], 8_000));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        short[] samples = ListenStage.readWav(wav, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(16_000, samples.length);
        assertEquals("[stream] " + wav + ": resampled from 8000 Hz to 16000 Hz", log.toString(StandardCharsets.UTF_8)
                .strip());
    }

    @Test
    void aFileThatIsNotAWavIsRejectedInOneLineNamingIt() throws Exception {
        Path notWav = dir.resolve("notes.wav");
        Files.writeString(notWav, "these are notes, not audio");
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> ListenStage.readWav(notWav, System.err));
        assertTrue(e.getMessage().startsWith(notWav + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Path empty = dir.resolve("empty.wav");
        WavFile.write(empty, new short[0]);
        assertEquals(empty + ": no audio samples",
                assertThrows(AudioFormatException.class, () -> ListenStage.readWav(empty, System.err)).getMessage());
    }

    @Test
    void aModelOfOtherFeaturesCannotListen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ListenStage.listen(RandomModels.tiny(1), ListeningSettings.defaults(RandomModels.tiny(1)),
                        new short[16_000]));
        assertTrue(e.getMessage().contains("40"), e.getMessage());
    }
}
