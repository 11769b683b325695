package dev.hark.cli;

import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.eval.ModelFigures;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hark inspect}: validates a model file and summarizes it, with its cost as a compression table counts it
 * ({@link ModelFigures}, docs/metrics.md): MACs per clip and per second of streaming audio, int8 bytes and the
 * whole-clip program's arena. The parameters are on the rounding line.
 */
@Command(name = "inspect",
        description = "Check a .hark model file (checksum, structure) and print a summary.")
final class InspectCommand extends Subcommand {
    @Parameters(index = "0", description = "Quantized model file (.hark).")
    Path model;

    @Override
    public Integer call() throws Exception {
        QuantizedModel m = ModelInput.read(model);
        PrintWriter out = out();
        out.printf("%s: %s, keyword '%s', labels %s, %d bytes%n", model, m.info().name(), m.info().keyword(),
                m.info().labels(), Files.size(model));
        out.printf("input: %d frames x %d mel bins, int8 scale %.6g zero point %d (%s)%n", m.info().frames(),
                m.info().melBins(), m.info().inputQuant().scale(), m.info().inputQuant().zeroPoint(),
                m.info().frontend());
        out.printf("rounding: %s; parameters: %d; producer: %s; training speakers: %s%n", m.rounding(),
                m.parameterCount(), m.info().producer(), m.info().knownTrainingSpeakers()
                        .map(t -> t.size() + " (salted hashes)").orElse("no record"));
        out.printf("detector: %s (%s)%n", m.detector().describe(), m.knownDetector().isPresent()
                ? "chosen for this model, as the generated firmware listens" : "none recorded: the default");
        out.println(cost(m));
        for (Layer layer : m.layers()) {
            for (Layer.TracedTensor t : layer.tracedOutputs()) {
                out.printf("  %-14s %-18s output %5d bytes%s%n", layer.name(), layer.getClass().getSimpleName(),
                        t.size(), t.steps() > 1 ? " (" + t.steps() + " steps)" : "");
            }
        }
        return ExitCode.OK.code();
    }

    /** The model's {@link ModelFigures} but its parameters, in docs/metrics.md's words. */
    static String cost(QuantizedModel m) {
        ModelFigures f;
        try {
            f = ModelFigures.of(m);
        } catch (IllegalArgumentException e) {
            return "cost: not counted, " + e.getMessage();
        }
        return String.format("cost: %d MACs per clip (%d frames), %d MACs per second of streaming audio; int8 bytes %d,"
                + " arena bytes %d (whole clip)", f.clipMacs(), m.info().frames(), f.streamingMacsPerSecond(),
                f.int8Bytes(), f.arenaBytes());
    }
}
