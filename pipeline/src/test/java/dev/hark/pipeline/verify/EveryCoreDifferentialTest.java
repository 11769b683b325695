package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.ModelFit;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Qemu;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every core QEMU emulates (Cortex-M0, M3, M4, M7, M33, M55) computes what the simulator computes:
 * {@value #CLIP_MODELS} random CRNNs run on clips (every layer traced, both rounding modes) on every board, and
 * {@value #LISTENING_MODELS} listen to {@value ListeningDifferentialTest#SECONDS} s of hard audio (every frame, step
 * and detection) on every board whose RAM holds their listening harness (all seven: the micro:bit's 16 KB hold these
 * small networks). The M4 is
 * tested at length by the other differential tests; this one proves the other cores on the same code.
 */
@Qemu
class EveryCoreDifferentialTest {
    static final int CLIP_MODELS = 8;
    static final int LISTENING_MODELS = 2;
    private static final long FIRST_SEED = 21_000;
    private static final int[][] CHUNKINGS = {{160}, {7, 333, 1, 4000}};

    @Test
    void everyEmulatedCoreIsBitExactWithTheSimulatorOnClips() throws Exception {
        List<RandomModelDifferentialTest.Case> cases = RandomModelDifferentialTest.randomCases(CLIP_MODELS,
                FIRST_SEED, (seed, shape, model, random) -> new RandomModelDifferentialTest.Case(seed, shape, model,
                        RandomModelDifferentialTest.clips(model, seed)));
        List<String> ids = List.of("random-0", "random-1", "all-min", "all-max", "alternating");
        List<BothTargets.Outcome> outcomes = BothTargets.run(work(), "every-core differential test: "
                        + CLIP_MODELS + " models on clips", Target.boards(), cases,
                (c, check) -> BothTargets.Compared.of(check.check(c.model(), c.clips(), ids).comparison(), 1));
        assertEquals(Target.boards().size(), outcomes.size());
    }

    @Test
    void everyCoreThatCanListenHearsWhatTheSimulatorHears() throws Exception {
        List<ListeningDifferentialTest.Case> cases = new ArrayList<>();
        for (int i = 0; i < LISTENING_MODELS; i++) {
            cases.add(ListeningDifferentialTest.randomCase(FIRST_SEED + 100 + i, CHUNKINGS[i]));
        }
        // Every board whose RAM holds the listening harness of every case (the micro:bit's 16 KB hold small ones).
        List<Target> listening = Target.boards().stream().filter(t -> cases.stream().allMatch(c -> ModelFit.of(
                Lowering.lowerStreaming(c.model(), c.window()), t.board().orElseThrow(), Program.LISTEN_HARNESS)
                .shortfalls().isEmpty())).toList();
        assertTrue(listening.contains(Target.named("microbit")), () -> "the cases are small enough for every board: "
                + listening);
        List<BothTargets.Outcome> outcomes = BothTargets.run(work(), "every-core listening differential test: "
                        + LISTENING_MODELS + " models x " + ListeningDifferentialTest.SECONDS + " s", listening, cases,
                (c, check) -> BothTargets.Compared.of(check.checkListening(c.model(), c.window(), c.settings(),
                        c.samples(), c.chunks()).comparison()));
        assertEquals(listening.size(), outcomes.size());
    }

    private static Path work() {
        return Path.of("target", "every-core-differential").toAbsolutePath();
    }
}
