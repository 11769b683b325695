package dev.hark.firmware.run;

import java.util.List;

/**
 * A program the firmware build or run needs (make, a compiler, QEMU) is not on the {@code PATH}. The message names
 * the Debian/Ubuntu packages that install it, since a build outside a hark checkout has no scripts/install-deps.
 */
public final class MissingToolException extends FirmwareRunException {
    private final String tool;

    public MissingToolException(String tool, String purpose) {
        super(tool + " is not installed (needed " + purpose + "); " + howToInstall(Tools.aptPackages(tool)));
        this.tool = tool;
    }

    /** The missing program's name. */
    public String tool() {
        return tool;
    }

    private static String howToInstall(List<String> packages) {
        if (packages.isEmpty()) {
            return "run scripts/install-deps to install the toolchain";
        }
        return "install it with `apt-get install " + String.join(" ", packages)
                + "` (scripts/install-deps installs the whole toolchain)";
    }
}
