package dev.hark.trainer.augment;

import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.Split;

import java.util.Arrays;
import java.util.List;

/**
 * Splits every background recording in time, so the noise a model is trained with never appears in its dev or
 * test data: samples {@code [0, 80%)} are TRAIN, {@code [80%, 90%)} DEV, {@code [90%, 100%)} TEST (boundaries
 * {@code floor(n * 8 / 10)} and {@code floor(n * 9 / 10)}).
 *
 * <p>Why: Speech Commands' own {@code _silence_} clips are scaled excerpts of these same recordings (correlation
 * above 0.99), so mixing whole recordings into training while testing on {@code _silence_} would test on
 * training noise. The benchmark therefore ignores {@code _silence_}, draws augmentation noise from the TRAIN
 * portions, and cuts its noise negatives from each split's own portion ({@link NoiseNegatives}).
 */
public final class NoisePartition {
    private NoisePartition() {
    }

    /** First sample of {@code split}'s portion of an {@code n}-sample recording. */
    public static int start(int n, Split split) {
        return switch (split) {
            case TRAIN -> 0;
            case DEV -> (int) (n * 8L / 10);
            case TEST -> (int) (n * 9L / 10);
        };
    }

    /** One past the last sample of {@code split}'s portion. */
    public static int end(int n, Split split) {
        return switch (split) {
            case TRAIN -> (int) (n * 8L / 10);
            case DEV -> (int) (n * 9L / 10);
            case TEST -> n;
        };
    }

    /** The samples of {@code split}'s portion (a copy). */
    public static short[] portion(short[] recording, Split split) {
        return Arrays.copyOfRange(recording, start(recording.length, split), end(recording.length, split));
    }

    /** Each recording cut to its {@code split} portion, same source paths and order. */
    public static List<NoiseRecording> portions(List<NoiseRecording> recordings, Split split) {
        return recordings.stream().map(r -> new NoiseRecording(r.source(), portion(r.samples(), split))).toList();
    }

    /**
     * The noise bank of one split, e.g. {@code bank(folder.loadBackgroundNoise(), Split.TRAIN)} for training;
     * portions that come out empty (recordings under 10 samples) are left out.
     */
    public static NoiseBank bank(List<NoiseRecording> recordings, Split split) {
        return NoiseBank.of(portions(recordings, split).stream().filter(r -> r.samples().length > 0).toList());
    }
}
