package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.sim.model.io.ModelFormatException;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** The exit codes the README promises, by the kind of failure. */
@Fast
class ErrorHandlerTest {
    @Test
    void aMissingOrFailingToolExitsWithFour() {
        assertEquals(ExitCode.TOOL_FAILED,
                ErrorHandler.exitCode(new MissingToolException("qemu-system-arm", "to run the firmware")));
        assertEquals(ExitCode.TOOL_FAILED, ErrorHandler.exitCode(new FirmwareRunException("make failed")));
    }

    @Test
    void badInputExitsWithOneAndABugWithSeventy() {
        assertEquals(ExitCode.BAD_INPUT, ErrorHandler.exitCode(new ModelFormatException(java.nio.file.Path.of("model.hark"), "truncated")));
        assertEquals(ExitCode.BAD_INPUT, ErrorHandler.exitCode(new IllegalArgumentException("--epochs: 0")));
        assertEquals(ExitCode.INTERNAL, ErrorHandler.exitCode(new IllegalStateException("unreachable")));
    }
}
