package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareBuildSupport.ProcessResult;
import dev.hark.testing.Qemu;
import dev.hark.testing.Slow;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs harness/hark_pdm_bench.c, which pushes seconds of PDM through the C decimator at each clock: natively to check
 * its logic, and on mps2-an386 under QEMU with {@code -icount shift=0}, where its counter counts instructions, to
 * print what the decimator costs per second of audio (docs/pdm.md, "Cost").
 */
class PdmBenchmarkTest {
    private static final int SECONDS = 1;
    private static final int[] DECIMATIONS = {64, 80, 128};

    @Test
    @Slow
    void theBenchmarkDecimatesEverySecondOnTheHost() {
        FirmwareBuildSupport.assumeToolchain("host");
        Path work = FirmwareBuildSupport.workDir("pdm-bench-host");
        Path program = FirmwareBuildSupport.make("host", work.resolve("build"), "pdm-bench", "hark_pdm_bench");
        Map<String, Long> figures = run(work, FirmwareBuildSupport.command(program, Integer.toString(SECONDS)));
        for (int decimation : DECIMATIONS) {
            assertEquals(16_000L * SECONDS, figures.get("pdm" + decimation + "_samples"));
        }
    }

    @Test
    @Qemu
    void theDecimatorsCostOnTheCortexM4IsMeasuredInInstructions() {
        String board = FirmwareBuildSupport.BOARD;
        FirmwareBuildSupport.assumeToolchain(board);
        Path work = FirmwareBuildSupport.workDir("pdm-bench-" + board);
        Path program = FirmwareBuildSupport.make(board, work.resolve("build"), "pdm-bench", "hark_pdm_bench");
        Map<String, Long> figures = run(work, List.of("qemu-system-arm", "-M", board, "-nographic", "-icount",
                "shift=0", "-semihosting-config", "enable=on,target=native,arg=hark_pdm_bench,arg=" + SECONDS,
                "-kernel", program.toString()));

        // The counter counts instructions: the calibration loop's known count, to within one tick.
        long perTick = figures.get("instructions_per_tick");
        long calibration = figures.get("calibration_instructions");
        assertTrue(perTick > 0 && Math.abs(figures.get("calibration_ticks") * perTick - calibration) <= perTick,
                figures::toString);
        StringBuilder report = new StringBuilder(board + " PDM decimator, instructions per second of audio:");
        for (int decimation : DECIMATIONS) {
            assertEquals(16_000L * SECONDS, figures.get("pdm" + decimation + "_samples"));
            long instructions = figures.get("pdm" + decimation + "_ticks") * perTick / SECONDS;
            report.append(String.format(" %d (%.3f MHz) %,d;", decimation, decimation * 0.016, instructions));
        }
        System.out.println(report);
    }

    /** Runs the benchmark and reads its "key value" lines; it must end with "end 0". */
    private static Map<String, Long> run(Path work, List<String> command) {
        ProcessResult result = FirmwareBuildSupport.run(work, command);
        assertEquals(0, result.exitCode(), result::describe);
        Map<String, Long> figures = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2 && parts[1].matches("\\d+")) {
                figures.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        assertEquals(0L, figures.get("end"), result::describe);
        return figures;
    }
}
