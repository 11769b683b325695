package dev.hark.firmware.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the firmware runs: natively on the build machine, or on a Cortex-M board emulated by QEMU. As in the
 * Makefile, every target but the host is a board under {@code boards/}, cross-compiled with arm-none-eabi-gcc,
 * and QEMU emulates it as the machine of the same name.
 */
public enum Target {
    /** The host's gcc; the harness runs as a normal program. */
    HOST("host", "the build machine"),
    /** BBC micro:bit (nRF51822: Cortex-M0, 16 KB of RAM: small networks only) under {@code -M microbit}. */
    MICROBIT("microbit", "Cortex-M0"),
    /** Arm MPS2 AN385 (Cortex-M3, no FPU) under {@code qemu-system-arm -M mps2-an385}. */
    MPS2_AN385("mps2-an385", "Cortex-M3"),
    /** Arm MPS2 AN386 (Cortex-M4F) under {@code qemu-system-arm -M mps2-an386}, with semihosting for file IO. */
    MPS2_AN386("mps2-an386", "Cortex-M4F"),
    /** Netduino Plus 2 (STM32F405: Cortex-M4F, the STM32F4 family) under {@code qemu-system-arm -M netduinoplus2}. */
    NETDUINOPLUS2("netduinoplus2", "Cortex-M4F"),
    /** Arm MPS2 AN500 (Cortex-M7 with a double-precision FPU) under {@code qemu-system-arm -M mps2-an500}. */
    MPS2_AN500("mps2-an500", "Cortex-M7"),
    /** Arm MPS2 AN505 (Cortex-M33, Armv8-M with TrustZone; hark runs Secure) under {@code -M mps2-an505}. */
    MPS2_AN505("mps2-an505", "Cortex-M33"),
    /** Arm MPS3 AN547 (Cortex-M55 with Helium) under {@code qemu-system-arm -M mps3-an547}. */
    MPS3_AN547("mps3-an547", "Cortex-M55");

    private final String makeName;
    private final String core;

    Target(String makeName, String core) {
        this.makeName = makeName;
        this.core = core;
    }

    /** The processor the target runs on, e.g. {@code Cortex-M4F}; the build machine's for the host. */
    public String core() {
        return core;
    }

    /** The emulated boards, in the order of their cores' architecture (M0, M3, M4, M7, M33, M55). */
    public static List<Target> boards() {
        return Arrays.stream(values()).filter(Target::isEmulated).toList();
    }

    /** The Makefile's {@code TARGET} value; for a board, also QEMU's machine name. */
    public String makeName() {
        return makeName;
    }

    /** The C compiler the Makefile uses for this target. */
    public String compiler() {
        return isEmulated() ? "arm-none-eabi-gcc" : "gcc";
    }

    /** The file name of {@code program}'s executable in the build directory (the Makefile names board ones .elf). */
    public String executableFile(Program program) {
        return program.baseName() + (isEmulated() ? ".elf" : "");
    }

    /** True when the binary needs QEMU to run. */
    public boolean isEmulated() {
        return this != HOST;
    }

    /** Programs the build needs, in the order they are checked: make, the Makefile's C compiler, the size tool. */
    List<String> buildTools() {
        return isEmulated() ? List.of("make", compiler(), "arm-none-eabi-size") : List.of("make", compiler());
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
        return List.of("qemu-system-arm", "-M", makeName, "-nographic", "-semihosting", "-kernel",
                executable.toString());
    }

    /**
     * The command that runs a benchmark program with {@code arguments}: natively on the host (where it counts
     * nothing), or under QEMU with {@code -icount shift=0}, so that the virtual clock, and with it the board's timer,
     * advances by exactly one nanosecond per guest instruction; the arguments reach the program as its semihosting
     * command line.
     */
    List<String> benchmarkCommand(Path executable, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (!isEmulated()) {
            command.add(executable.toString());
            command.addAll(arguments);
            return command;
        }
        StringBuilder semihosting = new StringBuilder("enable=on,target=native,arg=").append(executable.getFileName());
        for (String argument : arguments) {
            semihosting.append(",arg=").append(argument);
        }
        command.addAll(List.of("qemu-system-arm", "-M", makeName, "-nographic", "-icount", "shift=0",
                "-semihosting-config", semihosting.toString(), "-kernel", executable.toString()));
        return command;
    }

    /**
     * The command that runs the lean firmware of a board: no semihosting; it prints on the board's UART (QEMU's
     * stdout) and ends with a reset request, which {@code -no-reboot} turns into QEMU's exit.
     *
     * @throws IllegalArgumentException on the host, which has no lean firmware
     */
    List<String> leanCommand(Path executable) {
        if (!isEmulated()) {
            throw new IllegalArgumentException("the lean listening firmware runs on a board, not on " + makeName);
        }
        return List.of("qemu-system-arm", "-M", makeName, "-nographic", "-no-reboot", "-kernel",
                executable.toString());
    }

    /** Programs the harness run needs. */
    List<String> runTools() {
        return isEmulated() ? List.of("qemu-system-arm") : List.of();
    }
}
