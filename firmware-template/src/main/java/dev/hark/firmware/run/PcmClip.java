package dev.hark.firmware.run;

import java.util.Arrays;

/**
 * A clip for the front-end runner: 16 kHz int16 samples, and the sizes of the chunks they are pushed in, repeated
 * from the first until the samples run out ({@code {1}} pushes sample by sample, {@code {samples.length}} all at
 * once).
 *
 * @param name       what the clip is, for reports
 * @param samples    at least 1 and at most {@value #MAX_SAMPLES} samples
 * @param chunkSizes 1 to {@value #MAX_CHUNK_SIZES} sizes, each at least 1
 */
public record PcmClip(String name, short[] samples, int[] chunkSizes) {
    /** The longest clip the runner takes (10 s), as {@code MAX_CLIP_SAMPLES} in {@code test/frontend_runner.c}. */
    public static final int MAX_SAMPLES = 160000;
    /** The most chunk sizes per clip, as {@code MAX_CHUNKS} in {@code test/frontend_runner.c}. */
    public static final int MAX_CHUNK_SIZES = 64;

    /** @throws IllegalArgumentException if a length or chunk size is out of range */
    public PcmClip {
        samples = samples.clone();
        chunkSizes = chunkSizes.clone();
        if (samples.length < 1 || samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException("clip " + name + " has " + samples.length + " samples; the runner takes"
                    + " 1 to " + MAX_SAMPLES);
        }
        if (chunkSizes.length < 1 || chunkSizes.length > MAX_CHUNK_SIZES
                || Arrays.stream(chunkSizes).anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("clip " + name + ": chunk sizes " + Arrays.toString(chunkSizes)
                    + "; the runner takes 1 to " + MAX_CHUNK_SIZES + " sizes of at least 1");
        }
    }

    @Override
    public short[] samples() {
        return samples.clone();
    }

    @Override
    public int[] chunkSizes() {
        return chunkSizes.clone();
    }

    /** The name and the chunk sizes, for reports. */
    public String describe() {
        return name + ", chunks " + Arrays.toString(chunkSizes);
    }
}
