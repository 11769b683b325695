package dev.hark.sim.audio;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.InputFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads and writes RIFF/WAVE files.
 *
 * <p>{@link #read(Path)} is strict: the project's audio is 16 kHz, mono, 16-bit integer PCM, and anything
 * else is rejected rather than silently converted. {@link #readAnyFormat(Path)} accepts what TTS engines and
 * recorders produce (any rate, any channel count, 8/16/24/32-bit PCM or 32/64-bit float) and returns mono
 * 16-bit samples plus the rate, for the caller to resample. Writing is always 16-bit mono and atomic.
 *
 * <p>Every problem is an {@link AudioFormatException} with the message {@code "<path>: <problem>"}.
 */
public final class WavFile {
    /** The sample rate of all project audio. */
    public static final int SAMPLE_RATE = 16000;

    private static final int HEADER_BYTES = 44;

    private WavFile() {
    }

    /**
     * Reads a 16 kHz mono 16-bit PCM WAV file.
     *
     * @return the samples, one per frame
     * @throws AudioFormatException if the file is truncated, not RIFF/WAVE, not integer PCM, not 16-bit,
     *                              not mono, or not 16000 Hz
     * @throws IOException          if the file cannot be read
     */
    public static short[] read(Path file) throws IOException {
        return decode(file, InputFiles.readAllBytes(file, AudioFormatException::new));
    }

    /** The file is not the project's audio; convertible when {@link #readAnyFormat} reads its encoding. */
    private static AudioFormatException mismatch(Path file, WavHeader h, String problem) {
        try {
            SampleDecoder.forFormat(file, h.formatTag(), h.bitsPerSample());
            return AudioFormatException.convertible(file, problem);
        } catch (AudioFormatException e) {
            return new AudioFormatException(file, problem);
        }
    }

    /** {@link #read} of a file's bytes already in memory; {@code file} names it in messages. */
    static short[] decode(Path file, byte[] bytes) throws AudioFormatException {
        WavHeader h = WavHeader.parse(file, bytes);
        if (h.formatTag() != WavHeader.FORMAT_PCM) {
            throw mismatch(file, h, "not integer PCM (format tag " + h.formatTag() + ")");
        }
        if (h.bitsPerSample() != 16) {
            throw mismatch(file, h, "not 16-bit (" + h.bitsPerSample() + " bits per sample)");
        }
        if (h.channels() != 1) {
            throw mismatch(file, h, "not mono (" + h.channels() + " channels)");
        }
        if (h.sampleRate() != SAMPLE_RATE) {
            throw mismatch(file, h, "sample rate is " + h.sampleRate() + " Hz, expected " + SAMPLE_RATE + " Hz");
        }
        short[] samples = new short[h.frames()];
        ByteBuffer.wrap(bytes, h.dataOffset(), h.dataLength()).order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer().get(samples);
        return samples;
    }

    /**
     * Reads a WAV file of any sample rate and channel count, mixing channels down to mono (their average).
     * Accepted encodings: integer PCM of 8 (unsigned), 16, 24 or 32 bits, IEEE float of 32 or 64 bits;
     * float samples are clipped to [-1, 1].
     *
     * @throws AudioFormatException if the file is truncated, not RIFF/WAVE, or in another encoding
     */
    public static PcmAudio readAnyFormat(Path file) throws IOException {
        return decodeAnyFormat(file, InputFiles.readAllBytes(file, AudioFormatException::new));
    }

    /** {@link #readAnyFormat} of a file's bytes already in memory; {@code file} names it in messages. */
    static PcmAudio decodeAnyFormat(Path file, byte[] bytes) throws AudioFormatException {
        WavHeader h = WavHeader.parse(file, bytes);
        SampleDecoder decoder = SampleDecoder.forFormat(file, h.formatTag(), h.bitsPerSample());
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int frames = h.frames();
        int bytesPerSample = h.bytesPerFrame() / h.channels();
        short[] out = new short[frames];
        int pos = h.dataOffset();
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < h.channels(); c++) {
                sum += decoder.decode(buf, pos);
                pos += bytesPerSample;
            }
            out[f] = toShort(sum / h.channels());
        }
        return new PcmAudio(out, h.sampleRate());
    }

    /** Writes 16 kHz mono 16-bit PCM atomically (temporary file in the same folder, then an atomic rename). */
    public static void write(Path file, short[] samples) throws IOException {
        write(file, new PcmAudio(samples, SAMPLE_RATE));
    }

    /** Writes mono 16-bit PCM at the audio's rate, atomically. */
    public static void write(Path file, PcmAudio audio) throws IOException {
        AtomicFiles.write(file, encode(audio));
    }

    /** The complete bytes of a canonical 44-byte-header mono 16-bit PCM WAV file. */
    public static byte[] encode(PcmAudio audio) {
        short[] s = audio.samples();
        int dataBytes = s.length * 2;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16)
                .putShort((short) WavHeader.FORMAT_PCM)
                .putShort((short) 1)                 // channels
                .putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * 2)      // byte rate
                .putShort((short) 2)                 // block align
                .putShort((short) 16);               // bits per sample
        b.put(ascii("data")).putInt(dataBytes);
        b.asShortBuffer().put(s);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Rounds a value on the 16-bit scale to the nearest sample, saturating. */
    private static short toShort(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
