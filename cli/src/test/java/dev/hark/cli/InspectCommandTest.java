package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark inspect} prints a model file's cost: the figures a compression table gives its configuration. */
@Fast
class InspectCommandTest {
    private static final Pattern PARAMETERS = Pattern.compile("; parameters: (\\d+);");
    private static final Pattern COST = Pattern.compile("cost: (\\d+) MACs per clip \\((\\d+) frames\\), (\\d+) MACs per"
            + " second of streaming audio; int8 bytes (\\d+), arena bytes (\\d+) \\(whole clip\\)");

    @TempDir
    Path dir;

    @Test
    void printsTheFiguresOfTheConfigurationTheModelWasMadeFrom() throws Exception {
        // With and without attention, one and two GRU layers, both roundings.
        for (CrnnConfig config : List.of(RandomModels.smallStudentShape(), RandomModels.tinyShape())) {
            for (Rounding rounding : Rounding.values()) {
                QuantizedModel made = RandomModels.create(config, 11, rounding);
                Path model = dir.resolve("model-" + rounding + ".hark");
                Files.write(model, ModelFile.toBytes(made));
                ModelFigures expected = ModelFigures.of(config, made);

                CliRunner.Run run = CliRunner.run("inspect", model.toString());

                assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
                String what = config + " " + rounding + ":\n" + run.out();
                Matcher parameters = PARAMETERS.matcher(run.out());
                assertTrue(parameters.find(), what);
                assertEquals(expected.parameters(), Long.parseLong(parameters.group(1)), what);
                Matcher cost = COST.matcher(run.out());
                assertTrue(cost.find(), what);
                assertEquals(expected.clipMacs(), Long.parseLong(cost.group(1)), what);
                assertEquals(config.frames(), Integer.parseInt(cost.group(2)), what);
                assertEquals(expected.streamingMacsPerSecond(), Long.parseLong(cost.group(3)), what);
                assertEquals(expected.int8Bytes(), Long.parseLong(cost.group(4)), what);
                assertEquals(expected.arenaBytes(), Integer.parseInt(cost.group(5)), what);
            }
        }
    }

    @Test
    void theCostComesAfterTheDetectorAndBeforeTheLayers() throws Exception {
        Path model = dir.resolve("model.hark");
        Files.write(model, ModelFile.toBytes(RandomModels.tiny(3)));

        List<String> lines = CliRunner.run("inspect", model.toString()).out().lines().toList();

        assertTrue(lines.get(3).startsWith("detector: "), lines.toString());
        assertTrue(COST.matcher(lines.get(4)).matches(), lines.toString());
        assertTrue(lines.get(5).startsWith("  "), "the layers follow: " + lines);
    }

    @Test
    void aModelThatCannotStreamIsInspectedWithoutItsCost() throws Exception {
        // The tiny model's convolution padded by a frame at each end of the clip: (30 + 2 - 6) / 4 + 1 is still 7
        // steps, so the rest of the network fits as before, but a stream has no frame before its first.
        QuantizedModel tiny = RandomModels.tiny(3);
        List<Layer> layers = new ArrayList<>(tiny.layers());
        ConvLayer c = (ConvLayer) layers.get(0);
        layers.set(0, new ConvLayer(c.name(), c.inH(), c.inW(), c.inC(), c.outC(), c.kernelH(), c.kernelW(),
                c.strideH(), c.strideW(), 1, c.padW(), c.outH(), c.outW(), c.inputOffset(), c.outputOffset(),
                c.activationMin(), c.activationMax(), c.weights(), c.bias(), c.multipliers(), c.shifts(), c.output()));
        Path model = dir.resolve("padded.hark");
        Files.write(model, ModelFile.toBytes(new QuantizedModel(tiny.info(), tiny.rounding(), layers)));

        CliRunner.Run run = CliRunner.run("inspect", model.toString());

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("\ncost: not counted, model " + tiny.info().name() + " cannot stream: its"
                + " convolution pads the time axis\n"), run.out());
        assertTrue(run.out().contains("  " + c.name()), "the layers follow: " + run.out());
    }
}
