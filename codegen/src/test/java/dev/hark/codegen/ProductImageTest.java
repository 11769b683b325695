package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.MemoryMap;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.SizeReport;
import dev.hark.firmware.run.Target;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product firmware (firmware-template/product: microphone driver, listening engine, a console line naming the
 * model's keyword and the LED on each detection) of a small generated streaming model builds for every real board,
 * and its exact sizes fit the board's descriptor: flash (text + data, which is also the raw image's length and what the linker map adds up to)
 * within the board's flash, RAM (data + bss + the descriptor's stack) within its RAM. The sizes are printed, one
 * line a board. The vector table holds the microphone driver's interrupt handler; the Pico's image starts with its
 * boot2, whose CRC the boot ROM checks, and the vector table after it.
 * Needs make and arm-none-eabi-gcc (and the host's gcc for the Pico's boot2 CRC); no board and no QEMU.
 */
@Slow
class ProductImageTest {
    /** The boards with a product driver; a real board added later is checked as well. */
    private static final List<String> PRODUCT_BOARDS = List.of("nrf52840-dk", "nucleo-f446re", "nucleo-l476rg",
            "raspberry-pi-pico", "stm32f4-discovery");
    private static final int RP2040_BOOT2_BYTES = 256;

    @TempDir
    Path dir;

    @Test
    void everyRealBoardsProductImageBuildsAndFitsTheBoard() throws IOException {
        List<BoardDescriptor> real = Boards.all().stream().filter(board -> !board.isEmulated()).toList();
        assertEquals(PRODUCT_BOARDS, real.stream().map(BoardDescriptor::name).sorted().toList(),
                "the real boards (each has a product driver)");
        QuantizedModel model = RandomModels.listening(41);
        Path generated = generate(model);

        List<String> table = new ArrayList<>();
        for (BoardDescriptor board : real) {
            FirmwareBuild.Result built = buildProduct(generated, board, model);
            SizeReport size = built.size().orElseThrow();
            long flash = size.flash();
            long ram = size.ram() + board.stackSize();
            table.add(String.format(Locale.ROOT, "%-18s flash %,7d B of %,9d   RAM %,6d B (data %,d + bss %,d + stack"
                    + " %,d) of %,7d", board.name(), flash, board.flash().size(), ram, size.data(), size.bss(),
                    board.stackSize(), board.ram().size()));
            assertTrue(flash <= board.flash().size(), board.name() + ": " + size);
            assertTrue(ram <= board.ram().size(), board.name() + ": " + size + " and the stack");

            Path image = built.executable().resolveSibling("hark_product.bin");
            byte[] bytes = Files.readAllBytes(image);
            assertEquals(flash, bytes.length, board.name() + ": the raw image is the flash, byte for byte");
            MemoryMap map = built.memoryMap().orElseThrow();
            assertEquals(flash, map.flash(), board.name() + ":\n" + String.join("\n", map.table()));
            assertTrue(Files.size(built.executable().resolveSibling("hark_product.hex")) > 2 * flash,
                    board.name() + ": the Intel HEX image");

            // The detection line names the model's keyword (the generated HARK_KEYWORD), not a class number.
            String detection = "hark keyword " + model.info().keyword() + " at ";
            assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains(detection),
                    board.name() + ": the image holds no '" + detection + "'");

            int vectors = board.name().equals("raspberry-pi-pico") ? RP2040_BOOT2_BYTES : 0;
            if (vectors > 0) {
                ByteBuffer boot2 = ByteBuffer.wrap(bytes, 0, RP2040_BOOT2_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(rp2040BootCrc(bytes, RP2040_BOOT2_BYTES - 4), boot2.getInt(RP2040_BOOT2_BYTES - 4),
                        "the boot2 CRC the RP2040's boot ROM checks");
            }
            ByteBuffer table0 = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long stackTop = Integer.toUnsignedLong(table0.getInt(vectors));
            long reset = Integer.toUnsignedLong(table0.getInt(vectors + 4));
            assertEquals(board.ram().origin() + board.ram().size(), stackTop, board.name() + ": initial stack");
            assertTrue(reset % 2 == 1 && reset > board.flash().origin() + vectors
                    && reset < board.flash().origin() + flash, board.name() + ": reset vector 0x"
                    + Long.toHexString(reset));
            // The microphone's interrupt reaches the driver: its handler (a weak alias of the default handler
            // unless the driver defines it) is exactly one external interrupt's vector.
            long handler = symbolAddress(built.executable(), "hark_board_capture_irq_handler") | 1;
            int entries = 0;
            for (int irq = 0; irq < board.irqCount(); irq++) {
                if (Integer.toUnsignedLong(table0.getInt(vectors + 4 * (16 + irq))) == handler) {
                    entries++;
                }
            }
            assertEquals(1, entries, board.name() + ": vectors of the capture's interrupt handler");
        }
        System.out.println("product image sizes (" + model.info().name() + ", portable kernels):\n"
                + String.join("\n", table));
    }

    @Test
    void theProductImageListensWithTheModelsDetector() throws IOException {
        // Values no default has, so that finding them proves they came from the model through the generated settings.
        DetectionSettings chosen = new DetectionSettings(37, 213, 29);
        QuantizedModel model = RandomModels.listening(41).withDetector(chosen);
        Path generated = generate(model);
        BoardDescriptor board = Boards.named("nucleo-f446re").orElseThrow();
        FirmwareBuild.Result built = buildProduct(generated, board, model);
        byte[] image = Files.readAllBytes(built.executable().resolveSibling("hark_product.bin"));
        long config = symbolAddress(built.executable(), "listening_config") - board.flash().origin();
        ByteBuffer detection = ByteBuffer.wrap(image, (int) config, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(List.of(chosen.smoothingSteps(), chosen.threshold(), chosen.refractorySteps()),
                List.of(detection.getInt(), detection.getInt(), detection.getInt()),
                "the detector settings of the image's listening configuration");
    }

    /** The model's streaming network generated into {@code dir/generated}. */
    private Path generate(QuantizedModel model) throws IOException {
        Path generated = dir.resolve("generated");
        CodeGenerator.generateStreaming(model, new CodegenConfig().withOutputDirectory(generated.toString()),
                Lowering.defaultAttentionWindow(model));
        return generated;
    }

    /** The board's product firmware built from {@code generated}; the test is aborted when a tool is missing. */
    private FirmwareBuild.Result buildProduct(Path generated, BoardDescriptor board, QuantizedModel model)
            throws IOException {
        FirmwareProject project = FirmwareProject.create(dir.resolve(board.name())).copyGeneratedSources(generated);
        try {
            return FirmwareBuild.of(project, Target.named(board.name())).optProgram(Program.PRODUCT)
                    .optRounding(model.rounding()).build();
        } catch (MissingToolException e) {
            return Assumptions.abort(e.getMessage());
        }
    }

    /** The address of a symbol of an ELF image, from {@code arm-none-eabi-nm}. */
    private static long symbolAddress(Path elf, String symbol) throws IOException {
        Process nm = new ProcessBuilder("arm-none-eabi-nm", elf.toString()).redirectErrorStream(true).start();
        String output = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, nm.waitFor(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return output.lines().map(line -> line.split("\\s+")).filter(f -> f.length == 3 && f[2].equals(symbol))
                .mapToLong(f -> Long.parseLong(f[0], 16)).findFirst()
                .orElseThrow(() -> new AssertionError(elf + " has no " + symbol));
    }

    /**
     * The RP2040 boot ROM's check of boot2: CRC-32 with polynomial 0x04C11DB7, initial value 0xFFFFFFFF, most
     * significant bit first, not inverted at the end (RP2040 Datasheet, boot sequence).
     */
    static int rp2040BootCrc(byte[] bytes, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= (bytes[i] & 0xFF) << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = crc < 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }

    @Test
    void theBootCrcIsTheMpeg2Crc32() {
        // The catalogue's check value of CRC-32/MPEG-2 (the same parameters) for the ASCII digits 1 to 9.
        assertEquals(0x0376E6E7, rp2040BootCrc("123456789".getBytes(StandardCharsets.US_ASCII), 9));
    }
}
