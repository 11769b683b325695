package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The random-model run's failure path against a deliberately faulty C build ({@link InjectedFault#GRU2_WEIGHT}): the
 * run finds both cases of a two-GRU-layer model differing at gru2, writes each as a case file that the replay command
 * runs again to the same difference (and to none without the fault), and the shrinker makes the case smaller while
 * keeping the second GRU layer that carries the fault. On the host (gcc).
 */
@Slow
class RandomModelFailureTest {
    private static final long SEED = 1_000_001;

    @TempDir
    Path dir;

    @Test
    void anInjectedFaultIsFoundWrittenReplayedAndShrunk() throws Exception {
        RandomCase whole = RandomCase.ofSeed(SEED, Rounding.DOUBLE).get(0);
        assertEquals(2, whole.shape().gruLayers(), "the seed's model has the layer the fault is in");
        RandomModelRun.Settings settings = new RandomModelRun.Settings(1, SEED, List.of(Target.HOST),
                List.of(Rounding.DOUBLE), dir, 1, 0, InjectedFault.GRU2_WEIGHT);

        RandomModelRun.Totals totals = RandomModelRun.run(settings).totals();
        assertEquals(2, totals.cases());
        assertEquals(2, totals.casesDiffering(), "the whole-clip and the streaming case");
        assertTrue(totals.bytesDiffering() > 0);

        Path failure = dir.resolve("failures").resolve(whole.name() + "-host");
        String difference = Files.readString(failure.resolve("difference.txt")).lines().toList().get(1);
        assertTrue(difference.contains("first: clip 0 (random-0), layer gru2, step "), difference);
        Path caseFile = failure.resolve("case.properties");
        assertEquals(whole, RandomCase.parse(Files.readString(caseFile), caseFile.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("failures").resolve(
                RandomCase.ofSeed(SEED, Rounding.DOUBLE).get(1).name() + "-host").resolve("case.properties")));

        // The replays use the run's folder, so its kernels, already compiled, are used again.
        String[] replay = {"--replay", caseFile.toString(), "--out", dir.toString()};
        assertEquals(1, RandomModelRun.replay(replay), "the written case differs again");
        Path withoutFault = dir.resolve("without-fault.properties");
        Files.writeString(withoutFault, Files.readString(caseFile).replace("case.fault=gru2-weight\n", ""));
        assertEquals(0, RandomModelRun.replay(new String[] {"--replay", withoutFault.toString(), "--out",
                dir.toString()}), "without the fault every byte agrees");

        BatchHarness harness = new BatchHarness(dir.resolve("project"));
        Shrinker.Shrunk shrunk = RandomModelRun.shrink(harness, dir.resolve("shrink"), whole, Target.HOST,
                InjectedFault.GRU2_WEIGHT, 1);
        assertEquals(2, shrunk.shrunk().shape().gruLayers(), "the fault's layer is kept");
        assertTrue(shrunk.shrunk().shape().parameterCount() < whole.shape().parameterCount(),
                shrunk.shrunk().describe());
        Optional<String> still = RandomModelRun.check(harness, dir.resolve("check"), shrunk.shrunk(), Target.HOST,
                InjectedFault.GRU2_WEIGHT);
        assertTrue(still.orElse("").contains("layer gru2"), still.orElse("no difference"));
    }
}
