package dev.hark.firmware.board;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One board as its folder describes it ({@code boards/<name>/board.properties} in the firmware template): the core
 * and FPU, the flash and RAM regions, the interrupt count, the clock hark runs it at, its console and microphone, how
 * it is emulated and how it is programmed. The Makefile includes the same file, so the memory map the linker uses and
 * the one hark reports are one definition.
 *
 * @param name            the folder's name, also the Makefile's {@code TARGET}, e.g. {@code mps2-an386}
 * @param title           what people call the board, e.g. {@code Arm MPS2 AN386}
 * @param core            the processor, e.g. {@code Cortex-M4F}
 * @param cpu             gcc's {@code -mcpu} for it, e.g. {@code cortex-m4}
 * @param fpu             {@code none}, {@code auto} (what {@code -mcpu} implies) or gcc's {@code -mfpu} name
 * @param flash           where code and constants live
 * @param ram             where data, the heap and the stack live
 * @param irqCount        the external interrupts of its NVIC (the vector table's length)
 * @param clockHz         the core clock hark runs it at
 * @param console         where its text goes
 * @param microphone      its microphone interface, or {@code none}
 * @param qemuMachine     QEMU's {@code -M} machine that emulates it, if any
 * @param openocdConfigs  the OpenOCD configuration files that program it ({@code -f} each), empty if OpenOCD cannot
 * @param harnessHeapSize bytes of heap the test harness reserves for newlib's stdio (the lean firmware has none)
 * @param stackSize       bytes of stack reserved at the top of RAM
 * @param listenBufferSamples the listening harness's sample buffer, in 16-bit samples: a longer chunk of audio reaches
 *                        the engine in pieces
 * @param testedOnSilicon whether hark's firmware has run on the real board
 */
public record BoardDescriptor(String name, String title, String core, String cpu, String fpu, MemoryRegion flash,
        MemoryRegion ram, int irqCount, long clockHz, String console, String microphone, Optional<String> qemuMachine,
        List<String> openocdConfigs, long harnessHeapSize, long stackSize, long listenBufferSamples,
        boolean testedOnSilicon) {

    /** The descriptor's file name in a board folder. */
    public static final String FILE_NAME = "board.properties";

    public BoardDescriptor {
        openocdConfigs = List.copyOf(openocdConfigs);
    }

    /**
     * Reads the descriptor of board {@code name}.
     *
     * @param source where the text came from, for messages
     * @throws IllegalArgumentException naming {@code source} and the key, if a value is missing or malformed
     */
    public static BoardDescriptor parse(String name, String text, String source) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not a properties file: " + e.getMessage(), e);
        }
        BoardProperties values = new BoardProperties(source, properties);
        String fpu = values.text("board.fpu");
        long irqCount = values.positive("board.irq.count");
        if (irqCount > 496) {
            throw values.bad("board.irq.count", "is " + irqCount + ", above the NVIC's 496 external interrupts");
        }
        String qemu = values.optionalText("board.qemu.machine");
        String openocd = values.optionalText("board.openocd");
        return new BoardDescriptor(name, values.text("board.title"), values.text("board.core"),
                values.text("board.cpu"), fpu, values.region("board.flash"), values.region("board.ram"),
                (int) irqCount, values.positive("board.clock.hz"), values.text("board.console"),
                values.text("board.microphone"), qemu.isEmpty() ? Optional.empty() : Optional.of(qemu),
                openocd.isEmpty() ? List.of() : Arrays.asList(openocd.split("\\s+")),
                values.size("board.harness.heap.size"), values.size("board.stack.size"),
                values.positive("board.listen.buffer.samples"), values.yesNo("board.tested.on.silicon"));
    }

    /** True when QEMU emulates the board, so hark can run its firmware here. */
    public boolean isEmulated() {
        return qemuMachine.isPresent();
    }

    /** True when the core has a floating-point unit (hark's integer network does not need one). */
    public boolean hasFpu() {
        return !fpu.equals("none");
    }

    /** True when hark has a microphone driver for the board, so its product firmware listens. */
    public boolean hasMicrophone() {
        return !microphone.equals("none");
    }
}
