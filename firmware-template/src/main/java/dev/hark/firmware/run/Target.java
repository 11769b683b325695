package dev.hark.firmware.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the firmware runs: natively on the build machine, or on a Cortex-M board emulated by QEMU.
 */
public enum Target {
    /** The host's gcc; programs run natively. */
    HOST("host", "gcc", null, ""),
    /** Arm MPS2 AN386 (Cortex-M4F) under {@code qemu-system-arm -M mps2-an386}, with semihosting for file IO. */
    MPS2_AN386("mps2-an386", "arm-none-eabi-gcc", "mps2-an386", ".elf");

    private final String makeName;
    private final String compiler;
    private final String qemuMachine;
    private final String executableSuffix;

    Target(String makeName, String compiler, String qemuMachine, String executableSuffix) {
        this.makeName = makeName;
        this.compiler = compiler;
        this.qemuMachine = qemuMachine;
        this.executableSuffix = executableSuffix;
    }

    /** The Makefile's {@code TARGET} value. */
    public String makeName() {
        return makeName;
    }

    /** The C compiler the Makefile uses for this target. */
    public String compiler() {
        return compiler;
    }

    /** The file name of {@code program}'s executable in the build directory. */
    public String executableFile(Program program) {
        return program.baseName() + executableSuffix;
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
     * The command that runs {@code executable} without arguments, so that it reads and writes its default files
     * ({@code hark_in.bin} and {@code hark_out.bin} for the harness) in its working directory; under QEMU those
     * paths reach the host through semihosting, relative to QEMU's working directory. QEMU exits with
     * {@code main}'s return value.
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
