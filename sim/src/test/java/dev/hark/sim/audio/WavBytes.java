package dev.hark.sim.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte, so tests can produce any (also broken) header. */
final class WavBytes {
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

    WavBytes fmt(int formatTag, int channels, int rate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteBuffer b = le(16).putShort((short) formatTag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    WavBytes chunk(String id, byte[] body) {
        chunks.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        chunks.writeBytes(le(4).putInt(body.length).array());
        chunks.writeBytes(body);
        if (body.length % 2 == 1) {
            chunks.write(0);
        }
        return this;
    }

    WavBytes data16(short... samples) {
        ByteBuffer b = le(samples.length * 2);
        b.asShortBuffer().put(samples);
        return chunk("data", b.array());
    }

    byte[] build() {
        byte[] body = chunks.toByteArray();
        ByteBuffer b = le(12 + body.length);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + body.length)
                .put("WAVE".getBytes(StandardCharsets.ISO_8859_1)).put(body);
        return b.array();
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
