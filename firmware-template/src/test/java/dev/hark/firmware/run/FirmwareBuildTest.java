package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.firmware.KernelLibrary;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The make command a build runs; {@code FirmwareCheck}'s tests and the harness tests run it. */
@Fast
class FirmwareBuildTest {
    @TempDir
    Path dir;

    @Test
    void theKernelLibraryIsAlwaysOnTheCommandLineSoTheEnvironmentNeverChoosesIt() throws IOException {
        FirmwareProject project = FirmwareProject.create(dir.resolve("project"));
        Path checkout = Files.createDirectories(dir.resolve("CMSIS-NN/Include")).getParent();
        Files.writeString(checkout.resolve("Include/arm_nnfunctions.h"), "");
        Path root = project.directory();

        assertEquals(List.of("make", "-f", root.resolve("Makefile").toString(), "TARGET=host",
                "GENERATED_DIR=" + root.resolve("generated"), "BUILD_DIR=" + root.resolve("build/host"),
                "CMSIS_NN_DIR=", "harness"), FirmwareBuild.of(project, Target.HOST).makeCommand());
        assertEquals(List.of("make", "-f", root.resolve("Makefile").toString(), "TARGET=mps2-an386",
                "GENERATED_DIR=" + root.resolve("generated"), "BUILD_DIR=" + root.resolve("build/mps2-an386"),
                "CMSIS_NN_DIR=" + checkout, "EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING", "harness"),
                FirmwareBuild.of(project, Target.MPS2_AN386).optKernels(KernelLibrary.cmsisNn(checkout))
                        .optRounding(Rounding.SINGLE).makeCommand());
    }

    @Test
    void aLinkThatOverflowsARegionIsToldByRegionAndBytes() {
        String log = """
                arm-none-eabi-gcc ... -o build/microbit/hark_harness.elf
                ld: build/microbit/hark_harness.elf section `.heap' will not fit in region `DATA'
                ld: hark: .data + .bss + heap + stack exceed the board's DATA memory
                ld: region `DATA' overflowed by 2928 bytes
                ld: region `FLASH' overflowed by 12 bytes
                ld: region `DATA' overflowed by 2928 bytes
                collect2: error: ld returned 1 exit status
                """;
        assertEquals(Optional.of("region DATA overflowed by 2,928 bytes, region FLASH overflowed by 12 bytes"),
                FirmwareBuild.overflow(log));
        assertEquals(Optional.empty(), FirmwareBuild.overflow("hark_gru_s8.c:12: error: expected ';'"));
    }

    @Test
    void aStackThatWouldRunIntoTheHeapIsToldWithTheFiguresOfTheLinkerMap() {
        String log = "ld: hark: .data + .bss + heap + stack exceed the board's DATA memory\n"
                + "collect2: error: ld returned 1 exit status\n";
        String map = """
                .data           0x20000000      0x9c0 load address 0x00010984
                                0x20000000                        __data_start__ = .
                                0x20002f00                        __heap_start__ = .
                                0x20003b00                        __heap_end__ = .
                                0x20004000                        __stack_top__ = (ORIGIN (DATA) + LENGTH (DATA))
                                0x20003800                        __stack_limit__ = (__stack_top__ - STACK_SIZE)
                """;
        assertEquals(Optional.of("its data and bss (12,032 bytes), 3,072-byte heap and 2,048-byte stack need 17,152"
                + " bytes and the board's RAM has 16,384: 768 bytes too many"),
                FirmwareBuild.stackOverHeap(log, Optional.of(map)));
        assertEquals(Optional.empty(), FirmwareBuild.stackOverHeap("collect2: error: ld returned 1 exit status",
                Optional.of(map)));
        assertEquals(Optional.empty(), FirmwareBuild.stackOverHeap(log, Optional.empty()));
    }
}
