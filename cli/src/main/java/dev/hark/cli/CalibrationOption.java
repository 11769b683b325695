package dev.hark.cli;

import dev.hark.trainer.quant.CalibrationPlan;
import picocli.CommandLine.Option;

/** The {@code --calibration} option of the commands that quantize. */
final class CalibrationOption {
    @Option(names = "--calibration", defaultValue = "minmax", paramLabel = "<plan>",
            description = "Calibration plan: minmax, percentile[:P], kl, or a default followed by per-tensor "
                    + "overrides, e.g. kl,conv=minmax,gru*.gh_*=percentile:99.9 (default: ${DEFAULT-VALUE}).")
    String text;

    /** @throws HarkException (bad input, naming the option) when the plan does not parse */
    CalibrationPlan plan() {
        try {
            return CalibrationPlan.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--calibration: " + e.getMessage());
        }
    }
}
