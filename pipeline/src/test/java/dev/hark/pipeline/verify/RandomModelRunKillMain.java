package dev.hark.pipeline.verify;

import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A small random-model run (two models, one a batch, on the host) for {@link RandomModelRunKillAndResumeTest}:
 * {@code <out> [<checkpoint> <first seed>]}. Every checkpoint passed is printed on stderr; at the one given, the run
 * prints {@link #stopLine} on stdout and waits, never to continue, for the parent to kill it. Without one it runs to
 * the end and prints the summary line's figures.
 */
final class RandomModelRunKillMain {
    static final long FIRST_SEED = 1_000_000;
    static final int MODELS = 2;

    private RandomModelRunKillMain() {
    }

    static String stopLine(String point, long firstSeed) {
        return "stopped at " + point + " " + firstSeed;
    }

    public static void main(String[] args) throws Exception {
        RandomModelRun.Settings settings = new RandomModelRun.Settings(MODELS, FIRST_SEED, List.of(Target.HOST),
                List.of(Rounding.DOUBLE), Path.of(args[0]), 1, 0, InjectedFault.NONE);
        RandomModelRun.Checkpoint checkpoint = (point, firstSeed) -> {
            System.err.println("reached " + point + " " + firstSeed);
            if (args.length == 3 && point.equals(args[1]) && firstSeed == Long.parseLong(args[2])) {
                System.out.println(stopLine(point, firstSeed));
                System.out.flush();
                waitForTheKill();
            }
        };
        RandomModelRun.Totals totals = RandomModelRun.run(settings, checkpoint).totals();
        System.out.println("totals " + totals.line());
    }

    private static void waitForTheKill() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Nothing may wake this run up; only SIGKILL ends it.
            }
        }
    }
}
