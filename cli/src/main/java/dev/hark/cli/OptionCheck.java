package dev.hark.cli;

/**
 * The range rules of numeric options, written once: a value out of range fails with one line naming the option, the
 * rule and the value given, under the exit code the command gives bad values ({@link ExitCode#USAGE} or
 * {@link ExitCode#BAD_INPUT}).
 *
 * @param code the exit code of a value out of range
 */
record OptionCheck(ExitCode code) {
    static final OptionCheck USAGE = new OptionCheck(ExitCode.USAGE);
    static final OptionCheck BAD_INPUT = new OptionCheck(ExitCode.BAD_INPUT);

    /** A finite value above 0 (hours of audio, a learning rate): infinity is no amount. */
    double positive(String option, double value) {
        require(value > 0 && !Double.isInfinite(value), option + " must be positive, got " + value);
        return value;
    }

    /** A count of {@code least} or more. */
    int atLeast(String option, int value, int least) {
        require(value >= least, option + " must be at least " + least + ", got " + value);
        return value;
    }

    /** A count from {@code least} to {@code most}. */
    int between(String option, int value, int least, int most) {
        require(value >= least && value <= most, option + " must be " + least + " to " + most + ", got " + value);
        return value;
    }

    private void require(boolean ok, String problem) {
        if (!ok) {
            throw new HarkException(code, problem);
        }
    }
}
