package dev.hark.trainer.eval;

/**
 * What a paired comparison of two models, A and B, on the same clips says: one is better, or the test cannot tell
 * them apart. "Better" is the lower au_fa_fr, or the fewer errors at an operating point.
 */
public enum Verdict {
    A_BETTER("A better"),
    B_BETTER("B better"),
    CANNOT_TELL("cannot tell");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /**
     * The verdict of an interval of {@code A - B} for a figure where lower is better: A is better when the whole
     * interval is below 0, B when it is above, and nobody can tell when it holds 0.
     */
    public static Verdict ofLowerIsBetterDifference(Interval difference) {
        if (difference.high() < 0) {
            return A_BETTER;
        }
        if (difference.low() > 0) {
            return B_BETTER;
        }
        return CANNOT_TELL;
    }

    /** The verdict with the two models named, e.g. "c4-h24 better" or "cannot tell". */
    public String naming(String a, String b) {
        return switch (this) {
            case A_BETTER -> a + " better";
            case B_BETTER -> b + " better";
            case CANNOT_TELL -> text;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
