package dev.hark.simbench;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.ProgramCounts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * {@link InferenceBenchmark}'s four operations timed by the thread's CPU time instead of the wall clock: on a machine
 * shared with other jobs the wall clock counts the time the thread waits for a core, the CPU time only the time it
 * runs (caches and a sibling hyper-thread shared with other jobs still slow it down). Prints, per model and
 * operation, GMAC per CPU second: the median of the rounds and their range.
 *
 * <pre>java -cp sim-bench/target/benchmarks.jar dev.hark.simbench.CpuTimeBenchmark [--rounds N] [--fast-only] model.hark...</pre>
 *
 * {@code --fast-only} leaves out the two reference-kernel operations, which on a loaded machine take most of the
 * wall time.
 */
public final class CpuTimeBenchmark {
    private static final int WARMUP_ROUNDS = 3;
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Where each run's result goes, so that the compiler cannot drop the run. */
    private static volatile long sink;

    private CpuTimeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = 5;
        boolean fastOnly = false;
        int first = 0;
        while (first < args.length && args[first].startsWith("--")) {
            if (args[first].equals("--rounds") && first + 1 < args.length) {
                rounds = Integer.parseInt(args[first + 1]);
                first += 2;
            } else if (args[first].equals("--fast-only")) {
                fastOnly = true;
                first++;
            } else {
                break;
            }
        }
        if (first >= args.length || args[first].startsWith("--")) {
            System.err.println("usage: CpuTimeBenchmark [--rounds N] [--fast-only] model.hark...");
            System.exit(2);
        }
        for (String model : Arrays.copyOfRange(args, first, args.length)) {
            measure(model, rounds, fastOnly);
        }
    }

    private static void measure(String model, int rounds, boolean fastOnly) throws IOException {
        QuantizedModel quantized = ModelFile.read(Path.of(model));
        NetworkSimulator wholeClip = new NetworkSimulator(quantized);
        StreamingNetwork streaming = new StreamingNetwork(quantized, Lowering.defaultAttentionWindow(quantized));
        StreamingNetwork reference = StreamingNetwork.withReferenceKernels(streaming.program());
        byte[] clip = new byte[quantized.info().inputSize()];
        new Random(1).nextBytes(clip);
        int frameSize = streaming.frameSize();
        byte[][] frames = new byte[clip.length / frameSize][];
        for (int f = 0; f < frames.length; f++) {
            frames[f] = Arrays.copyOfRange(clip, f * frameSize, (f + 1) * frameSize);
        }
        long clipMacs = ProgramCounts.of(wholeClip.program()).macs();
        int steps = stream(streaming, frames);
        long streamMacs = steps * ProgramCounts.of(streaming.program()).macs();
        report(model, "wholeClip", clipMacs, rounds, () -> wholeClip.run(clip).output()[0]);
        report(model, "streamingClip", streamMacs, rounds, () -> stream(streaming, frames));
        if (fastOnly) {
            return;
        }
        report(model, "wholeClipReferenceKernels", clipMacs, rounds,
                () -> wholeClip.runWithReferenceKernels(clip).output()[0]);
        report(model, "streamingClipReferenceKernels", streamMacs, rounds, () -> stream(reference, frames));
    }

    private static int stream(StreamingNetwork network, byte[][] frames) {
        network.reset();
        int steps = 0;
        for (byte[] frame : frames) {
            steps += network.pushFrame(frame).isPresent() ? 1 : 0;
        }
        return steps;
    }

    private static void report(String model, String operation, long macs, int rounds, IntSupplier run) {
        double[] gmacPerSecond = new double[rounds];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            long elapsed;
            long operations = 0;
            do {
                sink += run.getAsInt();
                operations++;
                elapsed = THREADS.getCurrentThreadCpuTime() - start;
            } while (elapsed < ROUND_NANOS);
            if (round >= 0) {
                gmacPerSecond[round] = (double) macs * operations / elapsed;
            }
        }
        Arrays.sort(gmacPerSecond);
        System.out.printf("%s %s: %.3f GMAC/CPU-s (median of %d rounds of 1 s, range %.3f .. %.3f; %d MACs an op)%n",
                model, operation, gmacPerSecond[rounds / 2], rounds, gmacPerSecond[0], gmacPerSecond[rounds - 1],
                macs);
    }
}
