package dev.hark.cli;

import dev.hark.trainer.quant.CalibrationPlan;

/** The {@code --calibration} value of the commands that quantize, read once so that both name the option alike. */
final class CalibrationOption {
    private CalibrationOption() {
    }

    /** @throws HarkException (bad input, naming the option) when the plan does not parse */
    static CalibrationPlan parse(String text) {
        try {
            return CalibrationPlan.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCodes.BAD_INPUT, "--calibration: " + e.getMessage());
        }
    }
}
