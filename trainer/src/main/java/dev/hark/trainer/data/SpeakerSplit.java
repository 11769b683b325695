package dev.hark.trainer.data;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Assigns every speaker, and so all of that speaker's clips, to exactly one {@link Split}.
 *
 * <p>The rule is the one the Speech Commands data set ships with ({@code which_set} in its README and in
 * TensorFlow's {@code input_data.py}): take the SHA-1 of the speaker id, read it as a number, reduce it
 * modulo 2^27, and scale to a percentage in [0, 100]; below {@code devPercent} is DEV, below
 * {@code devPercent + testPercent} is TEST, the rest TRAIN. The split depends only on the speaker id, so it
 * is stable across runs and machines, and adding speakers never moves existing ones.
 */
public final class SpeakerSplit {
    private static final long MAX_CLIPS_PER_CLASS = (1L << 27) - 1;
    private static final BigInteger MODULUS = BigInteger.valueOf(MAX_CLIPS_PER_CLASS + 1);

    private final double devPercent;
    private final double testPercent;

    /**
     * @throws IllegalArgumentException if a percentage is negative or they add up to more than 100
     */
    public SpeakerSplit(double devPercent, double testPercent) {
        if (devPercent < 0 || testPercent < 0 || devPercent + testPercent > 100) {
            throw new IllegalArgumentException("dev and test percentages must be >= 0 and add up to <= 100, got "
                    + devPercent + " and " + testPercent);
        }
        this.devPercent = devPercent;
        this.testPercent = testPercent;
    }

    /** 80% train, 10% dev, 10% test. */
    public static SpeakerSplit defaultSplit() {
        return new SpeakerSplit(10, 10);
    }

    public double devPercent() {
        return devPercent;
    }

    public double testPercent() {
        return testPercent;
    }

    /** The split of all clips by {@code speaker}. */
    public Split of(String speaker) {
        double p = percentage(speaker);
        if (p < devPercent) {
            return Split.DEV;
        }
        if (p < devPercent + testPercent) {
            return Split.TEST;
        }
        return Split.TRAIN;
    }

    /** The speaker's position in [0, 100], uniform over speakers. */
    static double percentage(String speaker) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(speaker.getBytes(StandardCharsets.UTF_8));
            long bucket = new BigInteger(1, sha1).mod(MODULUS).longValue();
            return bucket * (100.0 / MAX_CLIPS_PER_CLASS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
