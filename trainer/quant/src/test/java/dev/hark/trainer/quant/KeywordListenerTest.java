package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.sim.frontend.StreamingFrontend;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.sim.listen.KeywordListener;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.KeywordScore;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Fast;
import dev.hark.testing.TestAudio;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Java listener: front end, streaming network and detector composed, independent of how audio arrives. */
@Fast
class KeywordListenerTest {
    private static final DetectionSettings SETTINGS = new DetectionSettings(2, 120, 1);

    /** Everything a listener reported. */
    private static final class Heard implements KeywordListener.Observer {
        final List<byte[]> frames = new ArrayList<>();
        final List<byte[]> outputs = new ArrayList<>();
        final List<byte[]> logits = new ArrayList<>();
        final List<KeywordEvent> events = new ArrayList<>();
        final List<long[]> scores = new ArrayList<>(); // {step, sample, score, smoothed score}

        @Override
        public void frame(byte[] features) {
            frames.add(features);
        }

        @Override
        public void step(long step, Trace trace) {
            assertEquals(outputs.size(), step, "steps are numbered from 0 in order");
            outputs.add(trace.output());
            logits.add(trace.get("logits"));
        }

        @Override
        public void score(long step, long sample, int score, int smoothedScore) {
            assertEquals(outputs.size() - 1, step, "a step's score follows the step");
            scores.add(new long[] {step, sample, score, smoothedScore});
        }

        @Override
        public void detection(KeywordEvent event) {
            events.add(event);
        }
    }

    @Test
    void hearsTheSameWhateverTheChunkSizes() {
        KernelProgram program = Lowering.lowerStreaming(model(), 4);
        short[] audio = noise(3 * 16_000, 1);
        Heard whole = listen(program, audio, audio.length);
        for (int chunk : new int[] {1, 159, 160, 4001}) {
            Heard chunked = listen(program, audio, chunk);
            assertEquals(whole.frames.size(), chunked.frames.size());
            for (int f = 0; f < whole.frames.size(); f++) {
                assertArrayEquals(whole.frames.get(f), chunked.frames.get(f), "frame " + f + ", chunks of " + chunk);
            }
            for (int s = 0; s < whole.outputs.size(); s++) {
                assertArrayEquals(whole.outputs.get(s), chunked.outputs.get(s), "step " + s + ", chunks of " + chunk);
            }
            assertEquals(whole.events, chunked.events, "chunks of " + chunk);
        }
        assertFalse(whole.events.isEmpty(), "a threshold this low fires");
    }

    @Test
    void composesTheFrontEndTheNetworkAndTheDetector() {
        QuantizedModel model = model();
        KernelProgram program = Lowering.lowerStreaming(model, 4);
        short[] audio = noise(2 * 16_000, 2);
        Heard heard = listen(program, audio, audio.length);

        byte[] clipFeatures = new LogMelFrontend().compute(audio);
        long complete = StreamingFrontend.framesReady(audio.length);
        assertEquals(complete, heard.frames.size(), "every frame whose window the audio completes");
        StreamingNetwork network = new StreamingNetwork(program);
        List<Long> stepEnds = new ArrayList<>();
        for (int f = 0; f < complete; f++) {
            byte[] frame = Arrays.copyOfRange(clipFeatures, 40 * f, 40 * (f + 1));
            assertArrayEquals(frame, heard.frames.get(f), "frame " + f + " is the clip front end's");
            if (network.pushFrame(frame).isPresent()) {
                stepEnds.add(StreamingFrontend.samplesForFrame(f));
            }
        }
        assertEquals(stepEnds.size(), heard.outputs.size());
        assertEquals(stepEnds.size(), heard.scores.size());
        KeywordScore keywordScore = program.streaming().keywordScore();
        int sum = 0;
        for (int s = 0; s < stepEnds.size(); s++) {
            long[] p = heard.scores.get(s);
            int score = keywordScore.of(heard.logits.get(s));
            sum += score - (s >= SETTINGS.smoothingSteps() ? (int) heard.scores.get(s
                    - SETTINGS.smoothingSteps())[2] : 0);
            assertArrayEquals(new long[] {s, stepEnds.get(s), score, sum / SETTINGS.smoothingSteps()}, p,
                    "step " + s + ": its time, the keyword score of its logits and the mean of the last steps");
        }
        for (KeywordEvent event : heard.events) {
            assertEquals(stepEnds.get((int) event.step()), event.sample(), "a detection is timed at its step");
            assertEquals(heard.scores.get((int) event.step())[3], event.score(),
                    "a detection reports its step's smoothed score");
        }
        assertFalse(heard.events.isEmpty(), "the detections are checked too");
    }

    @Test
    void aModelOfOtherFramesCannotListen() {
        QuantizedModel model = RandomModels.tiny(1);
        assertThrows(IllegalArgumentException.class,
                () -> new KeywordListener(Lowering.lowerStreaming(model, 3), SETTINGS));
    }

    private static QuantizedModel model() {
        CrnnConfig shape = CrnnConfig.builder().optFrames(40).optMels(40).optConvChannels(2).optKernelTime(8)
                .optKernelMel(5).optStrideTime(4).optStrideMel(3).optGruHidden(8).optGruLayers(1).build();
        return RandomModels.create(shape, 5, Rounding.DOUBLE);
    }

    private static Heard listen(KernelProgram program, short[] audio, int chunk) {
        KeywordListener listener = new KeywordListener(program, SETTINGS);
        Heard heard = new Heard();
        for (int offset = 0; offset < audio.length; offset += chunk) {
            listener.push(audio, offset, Math.min(chunk, audio.length - offset), heard);
        }
        assertEquals(audio.length, listener.samples());
        return heard;
    }

    private static short[] noise(int samples, long seed) {
        return TestAudio.noise(samples, 3000, seed);
    }
}
