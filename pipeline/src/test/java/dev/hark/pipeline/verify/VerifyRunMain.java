package dev.hark.pipeline.verify;

import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.Target;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.KillableRun;
import dev.hark.trainer.quant.RandomModels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The verification stage ({@link VerifyStage#buildAndRun}) for {@link VerifyKillAndResumeTest}, started in a child
 * JVM: generates, builds and runs a small random model's firmware on the host in the workspace {@code args[0]},
 * reusing whatever an earlier run left there, and writes the outcome's lines to {@code args[1]}. Its log goes to
 * stderr.
 *
 * <p>With {@code args[2]}, the start of a line of the stage's log, the run stops once it has logged such a line,
 * announcing {@link KillableRun#stopLine} and waiting for the parent's kill ({@link KillableRun#stopHere}). The log
 * lines are written between the steps (generation, build, run), so the kill always finds the same files on disk.
 */
public final class VerifyRunMain {
    static final long MODEL_SEED = 77;
    static final int CLIPS = 4;

    private VerifyRunMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream log = args.length > 2 ? KillableRun.logStoppingAfter(args[2]) : System.err;
        QuantizedModel model = RandomModels.create(RandomModels.smallStudentShape(), MODEL_SEED, Rounding.DOUBLE);
        List<byte[]> features = RandomModels.features(model, CLIPS, MODEL_SEED);
        VerifyStage.Clips clips = new VerifyStage.Clips(
                IntStream.range(0, CLIPS).mapToObj(i -> "clip-" + i).toList(), features);
        VerifyStage.Outcome outcome = VerifyStage.buildAndRun(model, clips, List.of(), 0, MODEL_SEED,
                List.of(Target.HOST), new CodegenConfig(), KernelLibrary.portable(), new Workspace(Path.of(args[0])),
                log);
        AtomicFiles.writeString(Path.of(args[1]), String.join("\n", outcome.lines()) + "\nidentical "
                + outcome.identical() + ", complete " + outcome.complete() + "\n");
    }
}
