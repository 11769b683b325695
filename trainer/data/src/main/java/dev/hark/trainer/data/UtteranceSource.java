package dev.hark.trainer.data;

import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.Resampler;
import dev.hark.sim.audio.WavFile;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a TTS request into the spoken word as 16 kHz float samples (16-bit scale) with silence trimmed.
 *
 * <p>A word must fit into a one-second clip, and squeezing audio in time would distort it, so when the
 * trimmed word is longer than {@value #MAX_SECONDS} s the same request is synthesized again at the tempo
 * that makes it about {@value #TARGET_SECONDS} s long; if even that is too long the mixer crops it centred.
 */
final class UtteranceSource {
    static final double MAX_SECONDS = 0.95;
    static final double TARGET_SECONDS = 0.85;

    private final TtsSynthesizer synthesizer;
    private final Map<Integer, Resampler> resamplers = new ConcurrentHashMap<>();

    UtteranceSource(TtsSynthesizer synthesizer) {
        this.synthesizer = synthesizer;
    }

    /** The trimmed word for {@code request} (or its faster re-synthesis, see class comment). */
    float[] get(TtsRequest request) throws IOException {
        float[] word = load(request);
        if (word.length > MAX_SECONDS * WavFile.SAMPLE_RATE) {
            double faster = request.tempo() * word.length / (TARGET_SECONDS * WavFile.SAMPLE_RATE);
            word = load(request.withTempo(Math.ceil(faster * 100) / 100));
        }
        return word;
    }

    /** The trimmed word for exactly this request. */
    float[] load(TtsRequest request) throws IOException {
        PcmAudio audio = WavFile.readAnyFormat(synthesizer.synthesize(request));
        float[] f = new float[audio.samples().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = audio.samples()[i];
        }
        float[] at16k = resamplers.computeIfAbsent(audio.sampleRate(), r -> new Resampler(r, WavFile.SAMPLE_RATE)).apply(f);
        float[] word = SpeechTrimmer.trim(at16k);
        if (word.length == 0) {
            throw new IOException(request.voice().engine().executable() + " produced only silence for " + request);
        }
        return word;
    }
}
