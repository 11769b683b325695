package dev.hark.trainer.augment;

import dev.hark.trainer.data.NoiseRecording;

import java.util.ArrayList;
import java.util.List;

/**
 * The background recordings augmentation draws noise from (for training: the TRAIN portion of each
 * {@code _background_noise_} recording, see {@link NoisePartition}). Immutable and thread-safe; the sample arrays
 * are not copied, so callers must not modify them afterwards.
 */
public final class NoiseBank {
    private final List<String> names;
    private final List<short[]> recordings;

    private NoiseBank(List<String> names, List<short[]> recordings) {
        this.names = List.copyOf(names);
        this.recordings = List.copyOf(recordings);
    }

    /**
     * A bank of whole recordings.
     *
     * @throws IllegalArgumentException if a recording holds no samples (the message names its file)
     */
    public static NoiseBank of(List<NoiseRecording> recordings) {
        List<String> names = new ArrayList<>();
        List<short[]> samples = new ArrayList<>();
        for (NoiseRecording r : recordings) {
            if (r.samples().length == 0) {
                throw new IllegalArgumentException(r.source() + ": background noise recording is empty");
            }
            names.add(r.name());
            samples.add(r.samples());
        }
        return new NoiseBank(names, samples);
    }

    /** No noise: augmentation then never mixes any. */
    public static NoiseBank empty() {
        return new NoiseBank(List.of(), List.of());
    }

    public int size() {
        return recordings.size();
    }

    public boolean isEmpty() {
        return recordings.isEmpty();
    }

    /** Name of recording {@code i}, e.g. {@code "pink_noise"}. */
    public String name(int i) {
        return names.get(i);
    }

    /** Samples in recording {@code i}. */
    public int length(int i) {
        return recordings.get(i).length;
    }

    /**
     * {@code length} samples of recording {@code i} from {@code offset}, wrapping around to its start when the
     * recording is shorter than {@code offset + length}.
     *
     * @throws IndexOutOfBoundsException if {@code i} or {@code offset} is outside the recording
     */
    public float[] excerpt(int i, int offset, int length) {
        short[] r = recordings.get(i);
        if (offset < 0 || offset >= r.length) {
            throw new IndexOutOfBoundsException("noise offset " + offset + " outside recording " + names.get(i)
                    + " of " + r.length + " samples");
        }
        float[] out = new float[length];
        int p = offset;
        for (int k = 0; k < length; k++) {
            out[k] = r[p];
            if (++p == r.length) {
                p = 0;
            }
        }
        return out;
    }
}
