package dev.hark.cli;

import picocli.CommandLine.Option;

/** The {@code --hours} option of the commands that listen to a long test stream. */
final class StreamHoursOption {
    @Option(names = "--hours", defaultValue = "1", description = "Length of the test stream in hours "
            + "(default: ${DEFAULT-VALUE}).")
    double hours;

    /** @throws HarkException (usage) unless the length is positive */
    double hours() {
        return OptionCheck.USAGE.positive("--hours", hours);
    }
}
