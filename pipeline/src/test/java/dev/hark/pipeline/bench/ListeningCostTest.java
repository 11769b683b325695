package dev.hark.pipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.BenchmarkOutput;
import dev.hark.firmware.run.LeanRun;
import dev.hark.firmware.run.SizeReport;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class ListeningCostTest {
    private static final String COMMON = """
            seconds 10
            warmup_seconds 2
            chunk_samples 160
            instructions_per_tick 40
            calibration_instructions 2000000
            calibration_ticks 50000
            frontend_frames 1000
            frontend_ticks 25000
            """;

    /** 1,000,000 front-end instructions, 200,000 network, 400 detector, 1,204,000 end to end, in 10 s. */
    static BenchmarkOutput listening() {
        return BenchmarkOutput.parse("program hark_listen_bench\n" + COMMON + """
                window_frames 20
                hop_frames 8
                steps 125
                network_ticks 5000
                detections 0
                detector_ticks 10
                engine_ticks 30100
                end 0
                """);
    }

    /** 2,000,000 instructions of re-scoring in 10 s. */
    static BenchmarkOutput rescoring(String common) {
        return BenchmarkOutput.parse("program hark_rescore_bench\n" + common + """
                window_frames 101
                hop_frames 8
                runs 125
                network_ticks 50000
                end 0
                """);
    }

    static ListeningCost cost(String model) {
        return ListeningCost.of(model, listening(), rescoring(COMMON), new SizeReport(90_000, 0, 10_000),
                new LeanRun(3, 299, 35, 0, 800));
    }

    @Test
    void figuresPerSecondOfAudio() {
        ListeningCost c = cost("teacher");
        assertEquals(new ListeningCost("teacher", 10, 8, 8, 1_000_000, 200_000, 400, 1_204_000, 2_000_000, 90_000,
                10_000, 800), c);
        assertEquals(100_000, c.frontEndPerSecond());
        assertEquals(20_000, c.networkPerSecond());
        assertEquals(40, c.detectionPerSecond());
        assertEquals(360, c.engineOverheadPerSecond());
        assertEquals(120_400, c.totalPerSecond());
        assertEquals(200_000, c.rescoringPerSecond());
        assertEquals(120_400 / 80e6, c.shareOf(ListeningCost.CORTEX_M4_HZ));
        assertEquals(0.1, c.networkRatio());
        assertEquals(1_204_000 / 3_000_000.0, c.totalRatio());
    }

    @Test
    void benchmarksOfDifferentAudioOrProgramsAreNotCombined() {
        SizeReport size = new SizeReport(1, 0, 1);
        LeanRun lean = new LeanRun(3, 299, 35, 0, 800);
        IllegalArgumentException seconds = assertThrows(IllegalArgumentException.class,
                () -> ListeningCost.of("m", listening(), rescoring(COMMON.replace("seconds 10", "seconds 20")),
                        size, lean));
        assertTrue(seconds.getMessage().contains("different audio: seconds 10 and 20"), seconds.getMessage());
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> ListeningCost.of("m", rescoring(COMMON), listening(), size, lean));
        assertTrue(swapped.getMessage().contains("expected the output of hark_listen_bench"), swapped.getMessage());
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> ListeningCost.of("m", listening(),
                        rescoring(COMMON.replace("instructions_per_tick 40", "instructions_per_tick 0")), size, lean));
        assertTrue(host.getMessage().contains("counted no instructions"), host.getMessage());
    }
}
