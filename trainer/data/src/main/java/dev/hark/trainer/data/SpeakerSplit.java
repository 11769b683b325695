package dev.hark.trainer.data;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Assigns every speaker, and so all of that speaker's clips, to exactly one {@link Split}.
 *
 * <p>The rule follows the Speech Commands data set's own {@code which_set}: take the SHA-1 of the speaker id,
 * read it as a number, reduce it modulo 2^27, and scale to a percentage in [0, 100]; below {@code devPercent}
 * is DEV, below {@code devPercent + testPercent} is TEST, the rest TRAIN. The split depends only on the speaker
 * id (and the salt), so it is stable across runs and machines, and adding speakers never moves existing ones.
 *
 * <p>Why a salt: the shared real subset was itself picked mostly from the official test set, i.e. by this
 * very hash, so the unsalted rule puts over 90% of it into TEST. The default therefore hashes
 * {@code salt + speaker} with salt {@value #DEFAULT_SALT}, which spreads those speakers evenly;
 * {@link #speechCommandsRule} gives the data set's exact unsalted split.
 */
public final class SpeakerSplit {
    /** Salt of the default split; changing it reshuffles every speaker. */
    public static final String DEFAULT_SALT = "hark-speaker-split-1:";

    private static final long MAX_CLIPS_PER_CLASS = (1L << 27) - 1;
    private static final BigInteger MODULUS = BigInteger.valueOf(MAX_CLIPS_PER_CLASS + 1);

    private final double devPercent;
    private final double testPercent;
    private final String salt;

    /**
     * @param salt prefixed to the speaker id before hashing; empty for the data set's own rule
     * @throws IllegalArgumentException if a percentage is negative or they add up to more than 100
     */
    public SpeakerSplit(double devPercent, double testPercent, String salt) {
        if (devPercent < 0 || testPercent < 0 || devPercent + testPercent > 100) {
            throw new IllegalArgumentException("dev and test percentages must be >= 0 and add up to <= 100, got "
                    + devPercent + " and " + testPercent);
        }
        this.devPercent = devPercent;
        this.testPercent = testPercent;
        this.salt = Objects.requireNonNull(salt, "salt");
    }

    /** The given percentages with the default salt. */
    public SpeakerSplit(double devPercent, double testPercent) {
        this(devPercent, testPercent, DEFAULT_SALT);
    }

    /** 80% train, 10% dev, 10% test, default salt. */
    public static SpeakerSplit defaultSplit() {
        return new SpeakerSplit(10, 10);
    }

    /** Exactly the Speech Commands {@code which_set} split (unsalted) with the given percentages. */
    public static SpeakerSplit speechCommandsRule(double devPercent, double testPercent) {
        return new SpeakerSplit(devPercent, testPercent, "");
    }

    public double devPercent() {
        return devPercent;
    }

    public double testPercent() {
        return testPercent;
    }

    /** The split of all clips by {@code speaker}. */
    public Split of(String speaker) {
        double p = percentage(salt + speaker);
        if (p < devPercent) {
            return Split.DEV;
        }
        if (p < devPercent + testPercent) {
            return Split.TEST;
        }
        return Split.TRAIN;
    }

    /** The position of {@code hashName} in [0, 100], uniform over names: which_set's percentage_hash. */
    static double percentage(String hashName) {
        byte[] sha1 = Hashes.digest("SHA-1", hashName.getBytes(StandardCharsets.UTF_8));
        long bucket = new BigInteger(1, sha1).mod(MODULUS).longValue();
        return bucket * (100.0 / MAX_CLIPS_PER_CLASS);
    }
}
