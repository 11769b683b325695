package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class BenchmarkOutputTest {
    /** What hark_listen_bench printed under QEMU, with a warning of QEMU's before it. */
    private static final String LISTEN = """
            qemu-system-arm: warning: something about the machine
            program hark_listen_bench
            seconds 10
            warmup_seconds 2
            chunk_samples 160
            instructions_per_tick 40
            calibration_instructions 2000000
            calibration_ticks 50000
            frontend_frames 1000
            frontend_ticks 3203661
            end 0
            """;

    @Test
    void readsTheFiguresBetweenProgramAndEnd() {
        BenchmarkOutput out = BenchmarkOutput.parse(LISTEN);
        assertEquals("hark_listen_bench", out.program());
        assertEquals(8, out.figures().size());
        assertEquals(List.of("seconds", "warmup_seconds", "chunk_samples", "instructions_per_tick",
                "calibration_instructions", "calibration_ticks", "frontend_frames", "frontend_ticks"),
                List.copyOf(out.figures().keySet()));
        assertEquals(1000, out.figure("frontend_frames"));
        assertEquals(3_203_661L * 40, out.instructions("frontend_ticks"));
        out.requireInstructionCounting();
    }

    @Test
    void keysMayNumberTheirSubjectButStartWithALetter() {
        assertEquals(7, BenchmarkOutput.parse(LISTEN.replace("end 0", "layer_0_ticks 7\nend 0"))
                .figure("layer_0_ticks"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOutput.parse(LISTEN.replace("end 0", "0_ticks 7\nend 0")));
    }

    @Test
    void malformedOutputIsRefusedNamingTheLine() {
        IllegalArgumentException noEnd = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOutput.parse(LISTEN.replace("end 0\n", "")));
        assertTrue(noEnd.getMessage().contains("ends before its 'end' line"), noEnd.getMessage());
        IllegalArgumentException noProgram = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOutput.parse("seconds 10\nend 0\n"));
        assertTrue(noProgram.getMessage().contains("no 'program' line"), noProgram.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOutput.parse(LISTEN.replace("seconds 10", "seconds ten")));
        assertTrue(bad.getMessage().contains("line 3") && bad.getMessage().contains("seconds ten"),
                bad.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOutput.parse(LISTEN.replace("warmup_seconds 2", "seconds 2")));
        assertTrue(twice.getMessage().contains("'seconds' appears twice"), twice.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOutput.parse(LISTEN).figure("network_ticks"));
        assertTrue(missing.getMessage().contains("hark_listen_bench has no 'network_ticks'"), missing.getMessage());
    }

    @Test
    void aCounterThatCountsNoInstructionsIsRefused() {
        BenchmarkOutput host = BenchmarkOutput.parse(LISTEN.replace("instructions_per_tick 40",
                "instructions_per_tick 0"));
        IllegalArgumentException onHost = assertThrows(IllegalArgumentException.class,
                host::requireInstructionCounting);
        assertTrue(onHost.getMessage().contains("not on the host"), onHost.getMessage());
        // Without -icount the timer follows the host's clock: the calibration loop reads some other count.
        BenchmarkOutput realTime = BenchmarkOutput.parse(LISTEN.replace("calibration_ticks 50000",
                "calibration_ticks 61234"));
        IllegalArgumentException drift = assertThrows(IllegalArgumentException.class,
                realTime::requireInstructionCounting);
        assertTrue(drift.getMessage().contains("-icount shift=0"), drift.getMessage());
        // One tick off is the counter's resolution.
        BenchmarkOutput.parse(LISTEN.replace("calibration_ticks 50000", "calibration_ticks 50001"))
                .requireInstructionCounting();
    }

    @Test
    void figuresCannotBeChangedAfterParsing() {
        BenchmarkOutput out = BenchmarkOutput.parse(LISTEN);
        assertThrows(UnsupportedOperationException.class, () -> out.figures().put("seconds", 1L));
    }

    @Test
    void boardsRunBenchmarksCountingInstructionsWithTheirArguments() {
        Path elf = Path.of("/b/hark_listen_bench.elf");
        List<String> board = Target.MPS2_AN386.benchmarkCommand(elf, List.of("10", "160"));
        assertEquals(List.of("qemu-system-arm", "-M", "mps2-an386", "-nographic", "-icount", "shift=0",
                "-semihosting-config", "enable=on,target=native,arg=hark_listen_bench.elf,arg=10,arg=160",
                "-kernel", elf.toString()), board);
        assertEquals(List.of("/b/hark_listen_bench", "10"),
                Target.HOST.benchmarkCommand(Path.of("/b/hark_listen_bench"), List.of("10")));
        assertTrue(Target.MPS2_AN386.leanCommand(elf).contains("-no-reboot"));
        assertThrows(IllegalArgumentException.class, () -> Target.HOST.leanCommand(elf));
    }
}
