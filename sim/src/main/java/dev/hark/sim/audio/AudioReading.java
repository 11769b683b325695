package dev.hark.sim.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a labelled recording is read: strictly as the project's audio (16 kHz mono 16-bit PCM, anything else refused
 * naming the file), or converted to it when the user asks ({@code hark evaluate --resample}): any encoding
 * {@link WavFile#readAnyFormat} reads, channels mixed down, other rates resampled to 16 kHz by {@link Resampler}.
 * The conversion is deterministic: the same file gives the same samples on every JVM.
 */
public enum AudioReading {
    /** 16 kHz mono 16-bit PCM, or an {@link AudioFormatException} naming the file and what differs. */
    STRICT {
        @Override
        public short[] read(Path file) throws IOException {
            return WavFile.read(file);
        }
    },
    /** Any WAV encoding, rate and channel count, converted to 16 kHz mono 16-bit. */
    RESAMPLED {
        @Override
        public short[] read(Path file) throws IOException {
            PcmAudio audio = WavFile.readAnyFormat(file);
            return audio.sampleRate() == WavFile.SAMPLE_RATE ? audio.samples()
                    : Resampler.resample(audio.samples(), audio.sampleRate(), WavFile.SAMPLE_RATE);
        }
    };

    /** The file's samples at 16 kHz. */
    public abstract short[] read(Path file) throws IOException;
}
