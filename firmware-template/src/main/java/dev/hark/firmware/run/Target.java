package dev.hark.firmware.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the firmware runs: natively on the build machine, or on a Cortex-M board emulated by QEMU.
 */
public enum Target {
    /** The host's gcc; the harness runs as a normal program. */
    HOST("host", "gcc", null, "hark_harness"),
    /** Arm MPS2 AN386 (Cortex-M4F) under {@code qemu-system-arm -M mps2-an386}, with semihosting for file IO. */
    MPS2_AN386("mps2-an386", "arm-none-eabi-gcc", "mps2-an386", "hark_harness.elf");

    private final String makeName;
    private final String compiler;
    private final String qemuMachine;
    private final String harnessFile;

    Target(String makeName, String compiler, String qemuMachine, String harnessFile) {
        this.makeName = makeName;
        this.compiler = compiler;
        this.qemuMachine = qemuMachine;
        this.harnessFile = harnessFile;
    }

    /** The Makefile's {@code TARGET} value. */
    public String makeName() {
        return makeName;
    }

    /** The C compiler the Makefile uses for this target. */
    public String compiler() {
        return compiler;
    }

    /** The harness executable's file name in the build directory. */
    public String harnessFile() {
        return harnessFile;
    }

    /** True when the binary needs QEMU to run. */
    public boolean isEmulated() {
        return qemuMachine != null;
    }

    /** Programs the build needs, in the order they are checked. */
    List<String> buildTools() {
        return isEmulated() ? List.of("make", compiler, "arm-none-eabi-size") : List.of("make", compiler);
    }

    /**
     * The command that runs the harness {@code executable} without arguments, so that it reads
     * {@code hark_in.bin} and writes {@code hark_out.bin} in its working directory; under QEMU those paths reach the
     * host through semihosting, relative to QEMU's working directory. QEMU exits with {@code main}'s return value.
     */
    List<String> runCommand(Path executable) {
        if (!isEmulated()) {
            return List.of(executable.toString());
        }
        return List.of("qemu-system-arm", "-M", qemuMachine, "-nographic", "-semihosting", "-kernel",
                executable.toString());
    }

    /** Programs the harness run needs. */
    List<String> runTools() {
        return isEmulated() ? List.of("qemu-system-arm") : List.of();
    }
}
