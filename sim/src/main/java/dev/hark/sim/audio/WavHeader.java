package dev.hark.sim.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The parts of a RIFF/WAVE file's header that matter for decoding, found by walking its chunks.
 * Chunks other than {@code fmt } and {@code data} (LIST, fact, cue, ...) are skipped.
 *
 * @param formatTag     1 = integer PCM, 3 = IEEE float (WAVE_FORMAT_EXTENSIBLE is resolved to its sub-format)
 * @param channels      interleaved channels per frame
 * @param sampleRate    frames per second
 * @param bitsPerSample bits of one sample of one channel
 * @param dataOffset    byte offset of the first sample in the file
 * @param dataLength    bytes of sample data, a whole number of frames
 */
record WavHeader(int formatTag, int channels, int sampleRate, int bitsPerSample, int dataOffset, int dataLength) {
    static final int FORMAT_PCM = 1;
    static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    int bytesPerFrame() {
        return channels * ((bitsPerSample + 7) / 8);
    }

    int frames() {
        return dataLength / bytesPerFrame();
    }

    /** Parses the header of a whole WAV file held in memory; problems are reported against {@code file}. */
    static WavHeader parse(Path file, byte[] bytes) throws AudioFormatException {
        if (bytes.length < 12) {
            throw new AudioFormatException(file, "truncated file (" + bytes.length + " bytes, a RIFF/WAVE header needs 12)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (!"RIFF".equals(fourCc(bytes, 0)) || !"WAVE".equals(fourCc(bytes, 8))) {
            throw new AudioFormatException(file, "not a RIFF/WAVE file");
        }
        int formatTag = -1;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        int dataOffset = -1;
        long dataLength = 0;
        long pos = 12;
        // Walk every chunk: fmt may legally follow data, and tools add LIST/fact/cue chunks anywhere.
        while (pos + 8 <= bytes.length) {
            String id = fourCc(bytes, (int) pos);
            long size = Integer.toUnsignedLong(buf.getInt((int) pos + 4));
            long body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    throw new AudioFormatException(file, "truncated fmt chunk");
                }
                formatTag = Short.toUnsignedInt(buf.getShort((int) body));
                channels = Short.toUnsignedInt(buf.getShort((int) body + 2));
                sampleRate = buf.getInt((int) body + 4);
                bits = Short.toUnsignedInt(buf.getShort((int) body + 14));
                if (formatTag == FORMAT_EXTENSIBLE) {
                    // The real format is the first two bytes of the sub-format GUID at offset 24 of the chunk.
                    if (size < 26 || body + 26 > bytes.length) {
                        throw new AudioFormatException(file, "truncated fmt chunk (WAVE_FORMAT_EXTENSIBLE)");
                    }
                    formatTag = Short.toUnsignedInt(buf.getShort((int) body + 24));
                }
            } else if (id.equals("data") && dataOffset < 0) {
                if (body + size > bytes.length) {
                    throw new AudioFormatException(file, "truncated data chunk (header declares " + size
                            + " bytes, file holds " + (bytes.length - body) + ")");
                }
                dataOffset = (int) body;
                dataLength = size;
            } else if (body + size > bytes.length && (dataOffset < 0 || formatTag < 0)) {
                throw new AudioFormatException(file, "truncated file (chunk '" + printable(id) + "' declares "
                        + size + " bytes, file holds " + (bytes.length - body) + ")");
            }
            pos = body + size + (size & 1); // chunks are padded to even length
        }
        if (formatTag < 0) {
            throw new AudioFormatException(file, dataOffset < 0 ? "truncated file (no fmt and no data chunk)" : "no fmt chunk");
        }
        if (dataOffset < 0) {
            throw new AudioFormatException(file, "truncated file (no data chunk)");
        }
        if (channels < 1) {
            throw new AudioFormatException(file, "fmt chunk declares " + channels + " channels");
        }
        if (sampleRate <= 0) {
            throw new AudioFormatException(file, "fmt chunk declares sample rate " + Integer.toUnsignedString(sampleRate));
        }
        if (bits < 1) {
            throw new AudioFormatException(file, "fmt chunk declares " + bits + " bits per sample");
        }
        int frameBytes = channels * ((bits + 7) / 8);
        // A trailing partial frame carries no complete sample for every channel: drop it.
        int wholeFrames = (int) (dataLength / frameBytes);
        return new WavHeader(formatTag, channels, sampleRate, bits, dataOffset, wholeFrames * frameBytes);
    }

    private static String fourCc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String id) {
        return id.chars().allMatch(c -> c >= 32 && c < 127) ? id : "?";
    }
}
