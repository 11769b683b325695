package dev.hark.firmware.run;

import java.io.IOException;

/**
 * Building or running the firmware failed, or what it produced is unusable. The message is one line naming what
 * failed (a tool, a file, a clip); where a tool printed something useful, it follows on the next lines.
 */
public class FirmwareRunException extends IOException {
    public FirmwareRunException(String message) {
        super(message);
    }

    public FirmwareRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
