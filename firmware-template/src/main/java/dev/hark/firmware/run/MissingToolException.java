package dev.hark.firmware.run;

/** A program the firmware build or run needs (make, a compiler, QEMU) is not on the {@code PATH}. */
public final class MissingToolException extends FirmwareRunException {
    private final String tool;

    public MissingToolException(String tool, String purpose) {
        super(tool + " is not installed (needed " + purpose + "); run scripts/install-deps to install the toolchain");
        this.tool = tool;
    }

    /** The missing program's name. */
    public String tool() {
        return tool;
    }
}
