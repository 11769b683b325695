package dev.hark.sim.audio;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Decodes one little-endian sample to the signed 16-bit scale (as a double, to keep precision for downmixing). */
@FunctionalInterface
interface SampleDecoder {
    double decode(ByteBuffer buf, int pos);

    static SampleDecoder forFormat(Path file, int formatTag, int bits) throws AudioFormatException {
        if (formatTag == WavHeader.FORMAT_PCM) {
            switch (bits) {
                case 8:  // 8-bit WAV is unsigned with 128 as zero
                    return (b, p) -> ((b.get(p) & 0xFF) - 128) * 256.0;
                case 16:
                    return (b, p) -> b.getShort(p);
                case 24:
                    return (b, p) -> ((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16) / 256.0;
                case 32:
                    return (b, p) -> b.getInt(p) / 65536.0;
                default:
                    throw new AudioFormatException(file, "unsupported PCM sample size " + bits + " bits");
            }
        }
        if (formatTag == WavHeader.FORMAT_FLOAT) {
            if (bits == 32) {
                return (b, p) -> clip(b.getFloat(p)) * 32767.0;
            }
            if (bits == 64) {
                return (b, p) -> clip(b.getDouble(p)) * 32767.0;
            }
            throw new AudioFormatException(file, "unsupported float sample size " + bits + " bits");
        }
        throw new AudioFormatException(file, "not PCM (format tag " + formatTag + ")");
    }

    private static double clip(double v) {
        return Math.max(-1.0, Math.min(1.0, v));
    }
}
