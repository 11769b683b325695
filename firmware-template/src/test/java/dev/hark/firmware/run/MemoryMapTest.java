package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.firmware.board.MemoryRegion;
import dev.hark.firmware.run.MemoryMap.Component;
import dev.hark.firmware.run.MemoryMap.Usage;
import dev.hark.testing.Fast;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a linker map: each byte of the loaded sections once, to the component its file belongs to. */
@Fast
class MemoryMapTest {
    private static final MemoryRegion RAM = new MemoryRegion(0x2000_0000L, 0x1_0000);

    /** A map in the GNU linker's layout, cut down to what the reader looks at. */
    private static final String MAP = """
            Discarded input sections

             .text.unused   0x00000000       0x40 build/obj/hark-kernels/Source/hark_gru_s8.o

            Linker script and memory map

            LOAD build/obj/harness/hark_listen_lean.o
            .text           0x00000000      0x180
             .isr_vector    0x00000000       0x40 build/lean-obj/boards/common/cortex-m/startup_cortex_m.o
             .text.hark_gru_s8
                            0x00000040       0x60 build/obj/hark-kernels/Source/hark_gru_s8.o
                            0x00000040                hark_gru_s8
             .rodata.hark_weights
                            0x000000a0       0x80 build/obj/gen/hark_model_data.o
             .rodata.str1.4
                            0x00000120       0x30 toolchain/lib/libc_nano.a(lib_a-printf.o)
                                             0x38 (size before relaxing)
             .rodata.str1.4
                            0x00000130       0x20 build/obj/harness/hark_listen_lean.o
             *fill*         0x00000150        0x4\s
             .text.main     0x00000154       0x2c build/obj/harness/hark_listen_lean.o
            .data           0x20000000       0x10 load address 0x00000180
             .data.state    0x20000000       0x10 build/obj/hark-kws/Source/hark_kws.o
            .bss            0x20000010      0x100 load address 0x00000190
             .bss.arena     0x20000010      0x100 build/obj/harness/hark_listen_lean.o
            .heap           0x20000110      0x200 load address 0x00000190
                            0x20000110                __heap_start__ = .
             *fill*         0x20000110      0x200\s
            .ARM.attributes
                            0x00000000       0x2e
             .ARM.attributes
                            0x00000000       0x2e build/obj/harness/hark_listen_lean.o
            .comment        0x00000000       0x26
            .debug_info     0x00000000     0x1000
             .debug_info    0x00000000     0x1000 build/obj/harness/hark_listen_lean.o
            """;

    @Test
    void everyLoadedByteIsCountedOnceByTheComponentOfItsFile() {
        MemoryMap map = MemoryMap.parse(MAP, RAM);
        Map<Component, Usage> components = map.components();
        assertEquals(new Usage(0x40, 0), components.get(Component.STARTUP));
        assertEquals(new Usage(0x60, 0), components.get(Component.KERNELS), "discarded sections are not counted");
        assertEquals(new Usage(0x80, 0), components.get(Component.WEIGHTS));
        // Merged strings overlap: the program's are inside the library's, whose bytes are counted once, as theirs.
        assertEquals(new Usage(0x30, 0), components.get(Component.C_LIBRARY));
        assertEquals(new Usage(0x2c, 0x100), components.get(Component.PROGRAM));
        assertEquals(new Usage(0x4, 0), components.get(Component.ALIGNMENT));
        assertEquals(new Usage(0x10, 0x10), components.get(Component.LISTENING_ENGINE), ".data: flash and RAM");
        assertEquals(new Usage(0, 0x200), components.get(Component.HEAP));
        assertEquals(0x180 + 0x10, map.flash(), "text + data, nothing of .bss, .heap or the debug sections");
        assertEquals(0x10 + 0x100 + 0x200, map.ram());
    }

    @Test
    void componentsFollowTheTemplateFoldersAndTheGeneratedFiles() {
        assertEquals(Component.FRONT_END,
                MemoryMap.componentOf("build/obj/t/hark-frontend/Source/hark_frontend_fft.o"));
        assertEquals(Component.FRONTEND_TABLES, MemoryMap.componentOf("build/obj/g/hark_frontend_tables.o"));
        assertEquals(Component.NETWORK, MemoryMap.componentOf("build/obj/g/hark_network.o"));
        assertEquals(Component.AUDIO, MemoryMap.componentOf("build/obj/t/hark-audio/Source/hark_pdm_decimator.o"));
        assertEquals(Component.PROGRAM, MemoryMap.componentOf("build/obj/t/product/hark_product_main.o"));
        assertEquals(Component.STARTUP, MemoryMap.componentOf("build/obj/t/boards/nrf52840-dk/board_nrf52840_dk.o"));
        assertEquals(Component.KERNELS, MemoryMap.componentOf(
                "build/obj/cmsis-nn/Source/FullyConnectedFunctions/arm_fully_connected_s8.o"));
        assertEquals(Component.C_LIBRARY, MemoryMap.componentOf("toolchain/lib/libgcc.a(_udivsi3.o)"));
        assertEquals(Component.KERNELS, MemoryMap.componentOf(
                "harness/test/obj/projects/harness/firmware-template/hark-kernels/Source/hark_gru_s8.o"),
                "the nearest template folder counts, not a build directory's name");
        assertEquals(Component.PROGRAM, MemoryMap.componentOf("boards/obj/t/harness/hark_harness_main.o"));
    }

    @Test
    void textThatIsNoLinkerMapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MemoryMap.parse("text data bss\n", RAM));
    }
}
